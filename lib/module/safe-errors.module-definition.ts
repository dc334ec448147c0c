import { ConfigurableModuleBuilder } from '@nestjs/common';
import type { SafeErrorsModuleOptions } from './safe-errors.interfaces.js';

/** @internal */
export const {
  ConfigurableModuleClass: SafeErrorsConfigurableModule,
  MODULE_OPTIONS_TOKEN: SAFE_ERRORS_MODULE_OPTIONS,
  OPTIONS_TYPE: SAFE_ERRORS_OPTIONS_TYPE,
  ASYNC_OPTIONS_TYPE: SAFE_ERRORS_ASYNC_OPTIONS_TYPE,
} = new ConfigurableModuleBuilder<SafeErrorsModuleOptions>({
  moduleName: 'SafeErrors',
})
  .setClassMethodName('forRoot')
  .setFactoryMethodName('createSafeErrorsOptions')
  .setExtras({ isGlobal: true }, (definition, extras) => ({
    ...definition,
    global: extras.isGlobal,
  }))
  .build();
