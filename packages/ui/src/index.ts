/** @ldm/ui — shared UI of the two portals (exported from source; the portals' bundlers compile it). */
export { createI18n, uiResources, UI_NAMESPACE, SUPPORTED_LANGUAGES } from "./i18n/createI18n";
export type { CreateI18nOptions, Language } from "./i18n/createI18n";
export { I18nProvider } from "./i18n/I18nProvider";
export { GraphQLErrorAlert } from "./GraphQLErrorAlert";
export type { GraphQLErrorAlertProps } from "./GraphQLErrorAlert";
export { summarizeError, graphQLErrorCode } from "./errorMessages";
export type { ErrorSummary } from "./errorMessages";
export { ErrorBoundary } from "./ErrorBoundary";
export { ErrorPage } from "./ErrorPage";
export type { ErrorPageProps } from "./ErrorPage";
export { PageLayout, MAIN_CONTENT_ID } from "./PageLayout";
export type { PageLayoutProps } from "./PageLayout";
export { formatDate, todayLocalDate } from "./formatDate";
export { localeOf } from "./locale";
export type { FormatDateOptions } from "./formatDate";
export { uploadFile, UploadError } from "./uploadFile";
export type { UploadProgress, UploadErrorCode } from "./uploadFile";
