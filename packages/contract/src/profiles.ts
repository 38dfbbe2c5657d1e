import { z } from 'zod';
import { ProfileSummarySchema } from './session.ts';

export const ProfileListSchema = z.object({
  items: z.array(ProfileSummarySchema),
  activeId: z.string(),
});
export type ProfileList = z.infer<typeof ProfileListSchema>;

export const SwitchProfileSchema = z.object({ profileId: z.string({ error: 'required' }).min(1, 'required').max(64) });
export type SwitchProfile = z.infer<typeof SwitchProfileSchema>;
