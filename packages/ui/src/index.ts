/** @ldm/ui — shared UI of the two portals (exported from source; the portals' bundlers compile it). */
export { createI18n, uiResources, UI_NAMESPACE, SUPPORTED_LANGUAGES } from "./i18n/createI18n";
export type { CreateI18nOptions, Language } from "./i18n/createI18n";
export { I18nProvider } from "./i18n/I18nProvider";

// Session: Apollo Client, the signed-in account, login, logout, session expiry.
export { createSession } from "./session/createSession";
export type {
  Session,
  SessionUser,
  SessionDocuments,
  CreateApolloClientOptions,
  LoginPanelProps,
  LogoutPanelProps,
} from "./session/createSession";
export { NEXT_PARAM, safeNextPath, loginPathFor } from "./session/nextPath";
export { accountQuickAccessItems } from "./session/accountQuickAccess";

// Page frame, loading, titles, errors.
export { PageLayout, MAIN_CONTENT_ID } from "./PageLayout";
export type { PageLayoutProps } from "./PageLayout";
export { Loading } from "./Loading";
export { useDocumentTitle } from "./useDocumentTitle";
export { GraphQLErrorAlert } from "./GraphQLErrorAlert";
export type { GraphQLErrorAlertProps } from "./GraphQLErrorAlert";
export { summarizeError, graphQLErrorCode } from "./errorMessages";
export type { ErrorSummary } from "./errorMessages";
export { ErrorBoundary } from "./ErrorBoundary";
export { ErrorPage } from "./ErrorPage";
export type { ErrorPageProps } from "./ErrorPage";
export { RouteError, NotFoundPage } from "./RouteError";

// Uploads.
export { uploadFile, UploadError } from "./upload/uploadFile";
export type { UploadProgress, UploadErrorCode } from "./upload/uploadFile";
export { FileDropZone } from "./upload/FileDropZone";
export type { FileDropZoneProps } from "./upload/FileDropZone";
export { UploadProgressBar } from "./upload/UploadProgressBar";

// Dossier content: indicator chart, rich text.
export { IndicatorChart } from "./chart/IndicatorChart";
export type { IndicatorChartProps, ChartTarget } from "./chart/IndicatorChart";
export { RichTextView } from "./rich-text/RichTextView";

// Dates and numbers.
export { formatDate, todayLocalDate } from "./formatDate";
export type { FormatDateOptions } from "./formatDate";
export { formatNumber, formatQuantity } from "./formatNumber";
export { localeOf } from "./locale";
