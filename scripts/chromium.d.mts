import type { LaunchOptions } from '@playwright/test';

export function systemChromiumPath(): string | undefined;
export function chromiumLaunchOptions(): LaunchOptions;
