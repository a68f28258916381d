// Admin: removes a member from a team; their account and records stay.
import { removeFromTeamRoute } from '../../place-routes';

export const DELETE = removeFromTeamRoute('member');
