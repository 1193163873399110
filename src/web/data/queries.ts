import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Me } from '../../shared/api/auth.schema.js';
import type { RequestListQuery } from '../../shared/api/request.schema.js';
import type { RequestType } from '../../shared/request-vocabulary.js';
import { HANDLER_ROLES } from '../../shared/roles.js';
import { listTokens } from './auth.api.js';
import { listUnits, listUsers } from './organisation.api.js';
import { queryKeys } from './query-keys.js';
import { getRequest, listRequests } from './requests.api.js';
import { getRequestType, listRequestTypes } from './workflows.api.js';

/** The organisation's units; they change rarely. */
export function useUnits() {
  return useQuery({ queryKey: queryKeys.units, queryFn: listUnits, staleTime: 10 * 60_000 });
}

/** Whether the person may list accounts: those who assign requests or manage users. */
export function canListUsers(me: Me): boolean {
  return me.abilities.assignRequests || me.abilities.manageUsers;
}

/** Account requests are filed by the agency's own staff and decided by supervisors and administrators (SEC-2). */
export function canRequestAccounts(me: Me): boolean {
  return me.kind === 'staff' || me.abilities.decideAccountRequests || me.abilities.manageUsers;
}

/** Every account (see canListUsers for who may ask). */
export function useUsers(enabled: boolean) {
  return useQuery({ queryKey: queryKeys.users(), queryFn: () => listUsers(), enabled, staleTime: 60_000 });
}

/** The people a request can be assigned to, by name. */
export function useAssignees(enabled: boolean) {
  const users = useUsers(enabled);
  const data = users.data
    ?.filter((u) => !u.disabled && u.roles.some((r) => HANDLER_ROLES.includes(r.role)))
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'zh-Hant-TW'));
  return { ...users, data };
}

export function useRequestPage(query: RequestListQuery) {
  return useQuery({
    queryKey: queryKeys.requestPage(query),
    queryFn: () => listRequests(query),
    placeholderData: keepPreviousData,
  });
}

export function useRequest(id: string) {
  return useQuery({ queryKey: queryKeys.request(id), queryFn: () => getRequest(id) });
}

export function useTokens() {
  return useQuery({ queryKey: queryKeys.tokens, queryFn: listTokens });
}

/** The request types with their forms and flows; they change only when an administrator imports a version. */
export function useRequestTypes() {
  return useQuery({ queryKey: queryKeys.requestTypes, queryFn: listRequestTypes, staleTime: 5 * 60_000 });
}

/**
 * One request type at the definition version a request runs on (its flow and form as they were
 * when it was filed), or at the current version; published versions never change.
 */
export function useRequestType(type: RequestType, version: number | null = null, enabled = true) {
  return useQuery({
    queryKey: queryKeys.requestType(type, version),
    queryFn: () => getRequestType(type, version ?? undefined),
    staleTime: version === null ? 5 * 60_000 : Infinity,
    enabled,
  });
}
