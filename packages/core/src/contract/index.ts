/**
 * @module The vereinskit HTTP contract: every route as data (method, path, schemas, error codes).
 */
export { contract } from './routes'
export type { Contract } from './routes'
export { defineRoute, buildPath, listRoutes, isRouteDefinition, accessErrors } from './define-route'
export type {
  HttpMethod,
  RouteAccess,
  RouteDefinition,
  RouteTable,
  Endpoint,
  EndpointTable,
  RouteInput,
  ParsedRouteInput,
  RouteOutput,
  PathParams,
} from './define-route'
export { ProblemDetails, ProblemFieldIssue } from './problem'
export { problemContentType, readProblemDetails } from './read-problem'
export { applicationFormEndpoints } from './public-endpoints'
export {
  ApplicationForm,
  ApplicationReceipt,
  Application,
  AcceptApplicationRequest,
  RejectApplicationRequest,
  AcceptedApplication,
  ApplicationListQuery,
  OfferedFeeGroup,
  applicationRoutes,
} from './applications'
export {
  MembershipView,
  MandateView,
  AttachmentView,
  MembershipListQuery,
  MembershipListItem,
  MembershipTermination,
  AttachmentInput,
  PartnerTakeover,
} from './memberships'
export {
  PersonView,
  PersonPlaceView,
  PersonCreate,
  AdvancedFilters,
  PersonSearchRequest,
  PersonSearchHitView,
  PersonSearchResult,
  DuplicateProbeInput,
  DuplicateCandidateView,
  DuplicateCheckResult,
  PersonAuditEntryView,
} from './people'
export { MemberCapture, MemberCaptureResult, AttachedPersonInput } from './member-capture'
export {
  ResultListInput,
  ResultListSummary,
  ResultListView,
  ResultListEntryView,
  ResultListAddition,
  ResultListAdditionResult,
} from './result-lists'
export { MembershipPeriodView, PeriodRegistrationView } from './membership-periods'
export { PageQuery, pageOf } from './pagination'
export {
  CalendarDateSchema,
  CentsSchema,
  AmountSchema,
  maxAmountCents,
  maxBalanceCents,
  IbanSchema,
  BicSchema,
  IdSchema,
  TimestampSchema,
} from './scalars'
export {
  NewAccount,
  NewFeeClass,
  FeeClassChange,
  FeeClassGroupView,
  NewFeeClassGroup,
  FeeClassGroupChange,
  financeSetupRoutes,
} from './finance-setup'
export { NewFeeAssignment, FeeClassChangeRequest, FeeAssignmentUpdate } from './fee-assignments'
export { ChargeRunPreview, ChargeRunView, PlannedChargeView, ApplyRunRequest } from './charge-runs'
export { PostingView, OpenItemView, MemberAccountView, NewPosting, AllocationView, DebitWithCashCredit, WriteOffPreview } from './ledger'
export { InvoiceView, InvoiceRunPreview, InvoiceRunView } from './invoice-runs'
export { MembershipUpdate } from './memberships'
export { DunningLetterView, DunningRunPreview, DunningRunView, DunningHistoryEntry, DunningStateView, dunningRoutes } from './dunning'
export { ExclusionRunPreview, CollectionRunView, exclusionCollectionRoutes } from './exclusion-collection'
export { LetterTemplateView, DocumentView, MailDeliveryView, correspondenceRoutes } from './correspondence'
export { MandateDetailView, MembershipMandates, MandateChange, MandateDocumentUpload, MandateCheckView, mandateRoutes } from './mandates'
export {
  DirectDebitView,
  DirectDebitRunPreview,
  DirectDebitExportView,
  DirectDebitRunView,
  DirectDebitRunDetail,
  directDebitRunRoutes,
} from './direct-debit-runs'
export { BankFileUpload, BankFileView, BankEntryView, bankImportRoutes } from './bank-imports'
export {
  CalendarTemplateView,
  AppointmentBlockView,
  BlockGenerationRequest,
  BlockGenerationView,
  BlockDeletionRequest,
  BlockDeletionView,
  appointmentSetupRoutes,
} from './appointment-setup'
export {
  ConsultantView,
  LocationView,
  ConsultationTypeView,
  ConsultationTopicView,
  appointmentCatalogueRoutes,
} from './appointment-catalogues'
export { appointmentRoutes } from './appointments'
export { FreeSlotView, FreeSlotQuery, SlotChoice, AppointmentView, BookAppointment, AppointmentListQuery } from './appointment-views'
export {
  MemberIdentification,
  BookingForm,
  OnlineSlotView,
  OnlineSlotSearch,
  OnlineBooking,
  OnlineBookingReceipt,
  onlineBookingRoutes,
} from './online-booking'
export { appointmentBookingEndpoints } from './public-endpoints'
export { changeOf } from './change-of'
export {
  MemberDatabaseLinkInput,
  MemberDatabaseLinkView,
  MemberSyncStatusView,
  SyncConflictView,
  SyncValueSchema,
  PullReportView,
  memberDatabaseRoutes,
} from './member-database'
export {
  ChildOrganisationView,
  StructureView,
  NewChildOrganisation,
  LinkOptionsInput,
  AdministratorView,
  AdministratorInput,
  SwitchResult,
  organisationStructureRoutes,
} from './organisation-structure'
export { MemberSyncView, SyncedMemberView, SyncImportRequest, SyncImportReport, memberSyncRoutes } from './member-syncs'
export { moduleOfRoute, moduleUseOf } from './route-modules'
export {
  CrmConnectionInput,
  CrmConnectionView,
  ExternalCustomerView,
  CustomerReferenceView,
  ConversionPreview,
  ConversionRunView,
  ReviewListItem,
  customerReferenceRoutes,
} from './customer-references'
