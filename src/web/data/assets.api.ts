import {
  AssetDetail,
  AssetPage,
  RequestAssets,
  type AssetCreate,
  type AssetListQuery,
  type AssetRelationCreate,
  type AssetUpdate,
} from '../../shared/api/asset.schema.js';
import { apiCall, apiCallNoContent, queryString } from './client.js';

const assetPath = (id: string) => `/api/assets/${encodeURIComponent(id)}`;
const requestAssetsPath = (requestId: string) => `/api/requests/${encodeURIComponent(requestId)}/assets`;

/** Items of the asset register the person may see, by asset number (issue 6). */
export function listAssets(query: AssetListQuery): Promise<AssetPage> {
  const { status, ...rest } = query;
  return apiCall(
    `/api/assets${queryString({ ...rest, status: Array.isArray(status) ? status.join(',') : undefined })}`,
    AssetPage,
  );
}

export function getAsset(id: string): Promise<AssetDetail> {
  return apiCall(assetPath(id), AssetDetail);
}

/** Enters an item by hand (data-centre administrator, asset-register keeper). */
export function createAsset(body: AssetCreate): Promise<AssetDetail> {
  return apiCall('/api/assets', AssetDetail, { method: 'POST', body });
}

/** Changes an item; each changed field goes into its history. */
export function updateAsset(id: string, body: AssetUpdate): Promise<AssetDetail> {
  return apiCall(assetPath(id), AssetDetail, { method: 'PATCH', body });
}

export function relateAsset(id: string, body: AssetRelationCreate): Promise<AssetDetail> {
  return apiCall(`${assetPath(id)}/relations`, AssetDetail, { method: 'POST', body });
}

export function unrelateAsset(id: string, toAssetId: string, kind: string): Promise<void> {
  return apiCallNoContent(`${assetPath(id)}/relations/${encodeURIComponent(toAssetId)}/${encodeURIComponent(kind)}`, {
    method: 'DELETE',
  });
}

/** The items a request or incident points at. */
export function getRequestAssets(requestId: string): Promise<RequestAssets> {
  return apiCall(requestAssetsPath(requestId), RequestAssets);
}

export function linkRequestAsset(requestId: string, assetId: string): Promise<RequestAssets> {
  return apiCall(requestAssetsPath(requestId), RequestAssets, { method: 'POST', body: { assetId } });
}

export function unlinkRequestAsset(requestId: string, assetId: string): Promise<void> {
  return apiCallNoContent(`${requestAssetsPath(requestId)}/${encodeURIComponent(assetId)}`, { method: 'DELETE' });
}
