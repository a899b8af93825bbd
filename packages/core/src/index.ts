// Public entry of @consent-sim/core. Each process is a namespace, because both have a customer
// role (`cmReqOff.customerMachine`, `dh831.customerMachine`); `eda` is what every EDA process
// shares; the process template (step states, catalogue shape) is exported by name.
export * as cmReqOff from './cm-req-off/index.ts';
export * as dh831 from './dh-831/index.ts';
export * as eda from './eda/index.ts';
export type {
  CatalogueBranch,
  CatalogueDeadline,
  CatalogueGateway,
  CatalogueMessageCode,
  CatalogueStep,
  CatalogueStepAlias,
  CatalogueStepKind,
  ProcessCatalogue,
} from './process/catalogue.ts';
export { performs, type ReportStep, type StepStateMeta } from './process/step-state.ts';
export {
  addCalendarDays,
  calendarDaysBetween,
  HELSINKI,
  isoInZone,
  localDate,
  VIENNA,
  zoneFor,
} from './time.ts';
