namespace DataOps.Functions.Workflows;

// Inputs and outputs of the DataOps orchestrations and activities. They travel through the durable runtime's
// history as JSON, so they hold plain values (wire names for enums, strings for ids), never domain objects.

/// <summary>A request to provision datasets for one journey stage (HTTP body, queue message).</summary>
public sealed record ProvisionJourneyInput(
    string JourneyId,
    string ClientId,
    string ClientName,
    string Industry,
    string UseCase,
    string Stage,
    IReadOnlyList<string> DatasetTypes,
    string RequestedBy);

/// <summary>What provisioning a journey stage produced, one entry per requested dataset type.</summary>
public sealed record ProvisionJourneyResult(string JourneyId, string Stage, IReadOnlyList<ProvisionDatasetResult> Datasets);

/// <summary>Provision one dataset of one type.</summary>
public sealed record ProvisionDatasetInput(
    string DatasetId,
    string JourneyId,
    string ClientId,
    string ClientName,
    string Industry,
    string UseCase,
    string Stage,
    string DatasetType);

/// <summary>Outcome for one dataset: <c>ready</c>, <c>failed</c> or <c>already_active</c>.</summary>
public sealed record ProvisionDatasetResult(string DatasetId, string DatasetType, string Outcome, double? QualityScore, string? Error);

/// <summary>The template chosen for a dataset and why.</summary>
public sealed record TemplateChoice(string? TemplateId, string Reason);

/// <summary>Register a dataset in PROVISIONING.</summary>
public sealed record RegisterDatasetInput(ProvisionDatasetInput Dataset, string? TemplateId);

/// <summary>Whether the registration took the client/stage/type slot, or which dataset holds it.</summary>
public sealed record RegistrationResult(bool Registered, string DatasetId, string? HolderDatasetId, string? Conflict);

/// <summary>How many records went into the connector.</summary>
public sealed record PopulationSummary(long RecordCount, long SizeBytes, int Pages);

/// <summary>Mark a dataset FAILED and undo what provisioning left behind.</summary>
public sealed record FailProvisioningInput(string DatasetId, string Error, IReadOnlyList<string> FailedChecks);

/// <summary>Validate a dataset (after provisioning, on request, or after its connector turned unhealthy).</summary>
public sealed record ValidateDatasetInput(string DatasetId);

/// <summary>One quality check's outcome, as computed by the domain evaluators.</summary>
public sealed record QualityCheckOutcome(
    string CheckType,
    double Score,
    double Threshold,
    bool Passed,
    IReadOnlyList<string> Errors,
    IReadOnlyList<string> Warnings,
    IReadOnlyDictionary<string, string> Details);

/// <summary>Score the four checks and move the dataset to READY or FAILED.</summary>
public sealed record RecordValidationInput(string DatasetId, IReadOnlyList<QualityCheckOutcome> Checks, DateTimeOffset ValidatedAt);

/// <summary>The validation verdict: <c>ready</c> or <c>failed</c>.</summary>
public sealed record ValidationResult(string DatasetId, string Outcome, double Score, IReadOnlyList<string> FailedChecks, string Summary);

/// <summary>Tear a dataset down. <paramref name="GracePeriod"/> is resolved from configuration by the starter.</summary>
public sealed record TeardownDatasetInput(string DatasetId, string Reason, bool Force, TimeSpan GracePeriod);

/// <summary>Whether teardown may proceed (the safety rule) and what the dataset looked like.</summary>
public sealed record TeardownStart(bool Allowed, string? Refusal);

/// <summary>Archive a dataset; the time comes from the orchestration so retries write identical blobs.</summary>
public sealed record ArchiveDatasetInput(string DatasetId, DateTimeOffset ArchivedAt);

/// <summary>Where the archive went.</summary>
public sealed record ArchiveSummary(string Location, long CompressedBytes);

/// <summary>Finish a teardown: ARCHIVED and claims released.</summary>
public sealed record CompleteTeardownInput(string DatasetId, string ArchiveLocation);

/// <summary>Outcome of a teardown: <c>archived</c> or <c>refused</c>.</summary>
public sealed record TeardownDatasetResult(string DatasetId, string Outcome, string? ArchiveLocation, string? Refusal);

/// <summary>A journey moved from one stage to another (or completed, when <paramref name="ToStage"/> is null).</summary>
public sealed record JourneyTransitionInput(string JourneyId, string ClientId, string? FromStage, string? ToStage, bool Completed, DateTimeOffset OccurredAt, TimeSpan GracePeriod);

/// <summary>Which datasets a journey has in a stage (all stages when null).</summary>
public sealed record JourneyDatasetsQuery(string JourneyId, string? Stage);

/// <summary>Find orphaned datasets as of a time.</summary>
public sealed record OrphanScanInput(DateTimeOffset Now, TimeSpan MinimumAge, TimeSpan GracePeriod);

/// <summary>Sweep READY datasets for unhealthy connectors, in batches.</summary>
public sealed record HealthSweepInput(int BatchSize);

/// <summary>What a connector probe found.</summary>
public sealed record ConnectorProbeResult(string DatasetId, bool Healthy, IReadOnlyList<string> Problems);

/// <summary>Send a READY dataset back to VALIDATING.</summary>
public sealed record RevertToValidatingInput(string DatasetId, string Reason);

/// <summary>Datasets a scan or sweep acted on.</summary>
public sealed record ScanResult(int Examined, IReadOnlyList<string> DatasetIds);
