// Admin: turns off someone's two-step sign-in when they have lost their phone and their recovery codes.
import { resetTwoStep } from '@/lib/admin/users';
import { adminDeleteRoute } from '../../../delete-route';

export const DELETE = adminDeleteRoute((id) => `/api/admin/users/${id}/two-step`, resetTwoStep, { twoStep: false });
