// Admin: removes a learning platform; its launches stop working at once.
import { removePlatform } from '@/lib/lti/platforms';
import { adminDeleteRoute } from '../../../delete-route';

export const DELETE = adminDeleteRoute((id) => `/api/admin/lti/platforms/${id}`, removePlatform, { deleted: true });
