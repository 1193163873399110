import { z } from 'zod';
import { DefinitionVersion, RequestTypeInfo } from '../../shared/api/workflow.schema.js';
import type { RequestType } from '../../shared/request-vocabulary.js';
import { apiCall, queryString } from './client.js';

/** The request-type catalogue and the administrators' workflow definitions (issue 3). */

const typePath = (type: RequestType) => `/api/request-types/${encodeURIComponent(type)}`;

/** Every request type at its current version, with its form and flow (public). */
export const listRequestTypes = () => apiCall('/api/request-types', z.array(RequestTypeInfo));

/** One request type, at its current version or at `version` (public). */
export const getRequestType = (type: RequestType, version?: number) =>
  apiCall(`${typePath(type)}${queryString({ version })}`, RequestTypeInfo);

/** The published versions of a type, newest first (administrators). */
export const listDefinitionVersions = (type: RequestType) =>
  apiCall(`${typePath(type)}/versions`, z.array(DefinitionVersion));

/** Where a version's definition downloads from, as `<type>.v<version>.json` (administrators). */
export const definitionUrl = (type: RequestType, version: number) =>
  `${typePath(type)}/definition${queryString({ version })}`;

/** The file name a version downloads as. */
export const definitionFileName = (type: RequestType, version: number) => `${type}.v${version}.json`;

/** Publishes a new version of a type's definition; a 400 names each problem by its path in the definition. */
export const importDefinition = (type: RequestType, definition: Record<string, unknown>) =>
  apiCall(`${typePath(type)}/definitions`, DefinitionVersion, { method: 'POST', body: definition });
