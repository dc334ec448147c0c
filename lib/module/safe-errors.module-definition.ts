import {
  ConfigurableModuleBuilder,
  type ConfigurableModuleAsyncOptions,
} from '@nestjs/common';
import type { SafeErrorsModuleOptions } from './safe-errors.interfaces.js';

const definition = new ConfigurableModuleBuilder<SafeErrorsModuleOptions>({
  moduleName: 'SafeErrors',
})
  .setClassMethodName('forRoot')
  .setFactoryMethodName('createSafeErrorsOptions')
  .setExtras({ isGlobal: true }, (module, extras) => ({
    ...module,
    global: extras.isGlobal,
  }))
  .build();

/** The base Nest's ConfigurableModuleBuilder makes: `forRoot` and `forRootAsync` before the library adds its providers. */
export const SafeErrorsConfigurableModule = definition.ConfigurableModuleClass;

/** @internal The token the raw options are provided under; only SafeErrorsConfig reads it. */
export const SAFE_ERRORS_MODULE_OPTIONS = definition.MODULE_OPTIONS_TOKEN;

/** Options of `SafeErrorsModule.forRoot()`: the module's options, and `isGlobal`. */
export type SafeErrorsModuleRootOptions = SafeErrorsModuleOptions & {
  /** Whether the module's providers are visible to every module of the app. @default true */
  isGlobal?: boolean;
};

/** Options of `SafeErrorsModule.forRootAsync()`: `useFactory`/`useClass`/`useExisting`, `imports`, `inject`, `isGlobal`. */
export type SafeErrorsModuleAsyncOptions = ConfigurableModuleAsyncOptions<
  SafeErrorsModuleOptions,
  'createSafeErrorsOptions'
> & {
  /** Whether the module's providers are visible to every module of the app. @default true */
  isGlobal?: boolean;
};
