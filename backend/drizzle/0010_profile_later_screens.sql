-- Profiles saved before the maintenance, consumables and reports screens existed take the level they
-- had on the screen each grew out of (see LATER_SCREENS in shared/src/contracts/profiles.ts); levels
-- already present stay (the right side of || wins).
UPDATE "profiles" SET "permissions" = jsonb_build_object(
  'maintenance', COALESCE("permissions" -> 'devices', '"none"'::jsonb),
  'consumables', COALESCE("permissions" -> 'devices', '"none"'::jsonb),
  'reports', COALESCE("permissions" -> 'dashboard', '"none"'::jsonb)
) || "permissions";
