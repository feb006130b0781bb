import { z } from 'zod';

export const FLOOR_PLAN_TYPES = ['image/png', 'image/jpeg', 'image/svg+xml'] as const;
export type FloorPlanType = (typeof FLOOR_PLAN_TYPES)[number];
/** Plans are stored in the database: 5 MB is plenty for a floor drawing and keeps rows small. */
export const MAX_FLOOR_PLAN_BYTES = 5 * 1024 * 1024;

export const floorPlanUploadQuerySchema = z.object({
  name: z.string().trim().min(1, 'Required').max(100),
  floor: z.coerce.number().int().min(-20).max(200),
  siteId: z.uuid().optional(),
});
export type FloorPlanUpload = z.infer<typeof floorPlanUploadQuerySchema>;

export const devicePositionSchema = z.object({
  deviceId: z.uuid(),
  /** Percent of the plan's width and height from its top-left corner. */
  x: z.number().min(0).max(100),
  y: z.number().min(0).max(100),
});
export type DevicePosition = z.infer<typeof devicePositionSchema>;

export const floorPlanSchema = z.object({
  id: z.uuid(),
  customerId: z.uuid(),
  siteId: z.uuid().nullable(),
  name: z.string(),
  floor: z.number().int(),
  contentType: z.enum(FLOOR_PLAN_TYPES),
  /** Where the image is served; changes when the image does, so caches never show an old plan. */
  imageUrl: z.string(),
  devices: z.array(devicePositionSchema.extend({ deviceCode: z.string(), model: z.string() })),
  createdAt: z.string(),
});
export type FloorPlan = z.infer<typeof floorPlanSchema>;

export const floorPlanPositionsSchema = z.strictObject({ devices: z.array(devicePositionSchema).max(500) });
