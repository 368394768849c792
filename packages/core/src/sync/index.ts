/**
 * @module @vereinskit/core/sync: the sync engine. Field diffs, change sets and tombstones; the three-way merge with a
 * conflict rule per field and field ownership; field mapping to a remote schema; the rules of umbrella links (locked
 * fields, options, the sync import) and of links to an external member database; the conversion of local copies
 * into references.
 */
export { sameValue, valueOf, fieldsOf, normalRecord, sameRecord, fingerprintOf } from './sync-record'
export type { SyncValue, SyncRecord } from './sync-record'
export { diffRecords, changeSetOf, applyChanges, applyChangeSet, changedFields, restrictChanges } from './change-set'
export type { FieldChange, ChangeSet, Tombstone } from './change-set'
export { ruleFor, uniformPolicy, otherSide, changedAt } from './conflict-policy'
export type { SyncSide, ConflictPolicy, FieldRule, MergePolicy, ChangeTimes } from './conflict-policy'
export { mergeRecords, resolveConflict } from './three-way-merge'
export type { FieldConflict, MergeResult, MergeInput } from './three-way-merge'
export { mergeDeletion, missingRemoteIds } from './merge-deletion'
export type { DeletionOutcome } from './merge-deletion'
export { activeFields, syncedLocalFields, mapToRemote, mapToLocal, syncedPart, valueMap } from './field-mapping'
export type { MappedField, FieldMapping, MappingProfile } from './field-mapping'
export { reconcileRecord, remoteSyncedPart } from './reconcile-record'
export type { Reconciliation, ReconcileInput } from './reconcile-record'
export { memberSyncFields, memberDatabaseMapping, genderOnPull, paymentMethodOnPull, paymentMethodOnPush } from './member-database-mapping'
export type { MemberSyncField, Gender } from './member-database-mapping'
export {
  MemberDatabaseRegion,
  MemberSyncStatus,
  memberSyncStatusOf,
  defaultMemberDatabaseRegions,
  checkLinkPrerequisites,
  profileOf,
  retryDelaySeconds,
  defaultPushSlaSeconds,
  defaultPullIntervalMinutes,
} from './member-database-link'
export type { CredentialRights } from './member-database-link'
export { UmbrellaLinkOptions, standardSync, umbrellaLockedFields, lockedFieldsFor, checkUnlocked } from './umbrella-link'
export { parseSyncImport, maxSyncImportRows } from './sync-import-csv'
export type { SyncImportRow, ParsedSyncImport } from './sync-import-csv'
export { classifyConversion, conversionWarning, comparableName, comparableEmail } from './reference-conversion'
export type { LocalCopy, ExternalPerson, ConversionCase } from './reference-conversion'
export { planReferenceConversion } from './plan-reference-conversion'
export type { ConversionReportLine, ReferenceConversionSummary } from './plan-reference-conversion'
export { syncErrors } from './sync-errors'
