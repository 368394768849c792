/**
 * @module @vereinskit/core/settings: Club settings (Vereinseinstellungen) the runs read.
 */
export { ClubSettings, defaultClubSettings } from './club-settings'
