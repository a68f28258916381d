// Admin: revokes a SCORM package; its launches are refused from then on.
import { revokePackage } from '@/lib/scorm/packages';
import { adminDeleteRoute } from '../../../delete-route';

export const DELETE = adminDeleteRoute((id) => `/api/admin/scorm/packages/${id}`, revokePackage, { revoked: true });
