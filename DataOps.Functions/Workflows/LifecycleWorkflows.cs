using System.Globalization;
using DataOps.Domain.Datasets;

namespace DataOps.Functions.Workflows;

/// <summary>
/// The one owner of workflow identity: every orchestration instance id the app uses is formatted here, and workflows
/// start one another only through this type (<see cref="StartOnceAsync"/>, <see cref="CallTeardownAsync"/>). An instance
/// id is how a start is made idempotent (the same request, message or scan never runs twice) and how the operations
/// views find the instances that worked on a dataset, so the formats below are part of the product's contract with its
/// operators and with the Durable Functions management API.
/// </summary>
/// <remarks>
/// The formats:
/// <list type="bullet">
/// <item><c>provision:{journeyId}:{stage}</c>, one provisioning request; <c>…:{datasetType}</c> its datasets, each
/// validated as <c>…:validate</c>;</item>
/// <item><c>revalidate:{datasetId}:{12 hex}</c>, a requested revalidation, validated as <c>…:validate</c>;</item>
/// <item><c>retry:{datasetId}:{attempt}</c>, a FAILED dataset provisioned again (one per attempt), validated as <c>…:validate</c>;</item>
/// <item><c>restore:{datasetId}:{12 hex}</c>, a cancelled or terminated teardown undone, validated as <c>…:validate</c>;</item>
/// <item><c>health-sweep</c>, the connector-health sweep (one at a time), validating <c>health-sweep:validate:{datasetId}</c>;</item>
/// <item><c>connector-sync</c>, the scheduled connector sync (one at a time), validating <c>connector-sync:validate:{datasetId}</c>;</item>
/// <item><c>orphan-scan:{yyyyMMddTHHmmssZ}</c>, an orphan scan;</item>
/// <item><c>transition:{journeyId}:{from}:{to}:{ticks}</c> and <c>completed:{journeyId}</c>, journey events;</item>
/// <item><c>teardown:{datasetId}</c>, a dataset's teardown, whoever asks for it.</item>
/// </list>
/// </remarks>
internal static partial class LifecycleWorkflows
{
    private const string ProvisionPrefix = "provision:";
    private const string RevalidationPrefix = "revalidate:";
    private const string RetryPrefix = "retry:";
    private const string RestorePrefix = "restore:";
    private const string TeardownPrefix = "teardown:";
    private const string ValidationSuffix = ":validate";

    /// <summary>The prefix of the orphan scans' instance ids, followed by the scan's start time (<c>yyyyMMddTHHmmssZ</c>).</summary>
    public const string OrphanScanPrefix = "orphan-scan:";

    /// <summary>The instance id of the connector-health sweep: one runs at a time.</summary>
    public const string HealthSweep = "health-sweep";

    /// <summary>The instance id of the scheduled connector sync: one runs at a time.</summary>
    public const string ConnectorSync = "connector-sync";

    /// <summary>The instance id of a provisioning request for a journey's stage.</summary>
    public static string Provision(JourneyId journeyId, Stage stage) => $"{ProvisionPrefix}{journeyId.Value}:{stage.ToWireName()}";

    /// <summary>The instance id of one dataset's provisioning within the request <paramref name="request"/>.</summary>
    public static string ProvisionDataset(string request, DatasetType datasetType) => $"{request}:{datasetType.ToWireName()}";

    /// <summary>The instance id of the validation a workflow runs as its sub-orchestration.</summary>
    public static string ValidationOf(string parent) => parent + ValidationSuffix;

    /// <summary>The instance id of the health sweep's (or the connector sync's) validation of one dataset.</summary>
    public static string SweepValidation(string sweep, DatasetId datasetId) => $"{sweep}{ValidationSuffix}:{datasetId.Value}";

    /// <summary>A new instance id for a requested revalidation of <paramref name="datasetId"/> (at most 88 characters).</summary>
    public static string NewRevalidation(DatasetId datasetId) => RevalidationsOf(datasetId) + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The prefix every revalidation of <paramref name="datasetId"/> starts with.</summary>
    public static string RevalidationsOf(DatasetId datasetId) => $"{RevalidationPrefix}{datasetId.Value}:";

    /// <summary>The instance id of the retry that makes <paramref name="attempt"/> of a FAILED dataset: one per attempt, so two retry requests of the same failure start one.</summary>
    public static string Retry(DatasetId datasetId, int attempt) => RetriesOf(datasetId) + attempt.ToString(CultureInfo.InvariantCulture);

    /// <summary>The prefix every retry of <paramref name="datasetId"/> starts with.</summary>
    public static string RetriesOf(DatasetId datasetId) => $"{RetryPrefix}{datasetId.Value}:";

    /// <summary>The instance id of a restore of <paramref name="datasetId"/> after its teardown was cancelled or terminated; <paramref name="unique"/> from the starter (an orchestration's <c>NewGuid</c>).</summary>
    public static string Restore(DatasetId datasetId, Guid unique) => RestoresOf(datasetId) + unique.ToString("N")[..12];

    /// <summary>The prefix every restore of <paramref name="datasetId"/> starts with.</summary>
    public static string RestoresOf(DatasetId datasetId) => $"{RestorePrefix}{datasetId.Value}:";

    /// <summary>The instance id of the orphan scan started at <paramref name="at"/> (one a second).</summary>
    public static string OrphanScan(DateTimeOffset at) => OrphanScanPrefix + at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The instance id of a journey's stage change: one per event, so a redelivered message starts nothing.</summary>
    public static string StageChange(JourneyId journeyId, Stage? from, Stage? to, DateTimeOffset occurredAt) =>
        $"transition:{journeyId.Value}:{from?.ToWireName()}:{to?.ToWireName()}:{occurredAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The instance id of a journey's completion: a journey completes once.</summary>
    public static string JourneyCompleted(JourneyId journeyId) => $"completed:{journeyId.Value}";

    /// <summary>The instance id of a dataset's teardown.</summary>
    public static string Teardown(DatasetId datasetId) => TeardownPrefix + datasetId.Value;

    /// <summary>The event a teardown sends its caller when it finishes.</summary>
    public static string TeardownCompletedEvent(DatasetId datasetId) => "teardown_completed:" + datasetId.Value;

    /// <summary>The prefix every teardown's instance id starts with.</summary>
    public const string TeardownsPrefix = TeardownPrefix;

    /// <summary>The dataset whose teardown <paramref name="instanceId"/> is, or null when it is not a teardown.</summary>
    public static string? TeardownDatasetOf(string instanceId) =>
        instanceId is not null && instanceId.StartsWith(TeardownPrefix, StringComparison.Ordinal) ? instanceId[TeardownPrefix.Length..] : null;

    /// <summary>
    /// The instances that may have worked on a dataset: ids that are the dataset's alone (its teardown, its sweep and sync
    /// validations); the exact ids of its provisioning and that provisioning's validation, which a journey provisioned
    /// again later reuses, so they count only when their input names the dataset; and the dataset's own prefixes
    /// (revalidations, retries, restores), whose instances likewise count only when their input names it. The
    /// provisioning ids are read one by one rather than listed under the journey's prefix, so an instance of a sibling
    /// dataset that the Durable Functions API cannot read does not hide this dataset's instances.
    /// </summary>
    public static (IReadOnlyList<string> Own, IReadOnlyList<string> Shared, IReadOnlyList<string> Prefixes) InstancesOf(DatasetId datasetId, JourneyId journeyId, Stage stage, DatasetType type)
    {
        var provision = ProvisionDataset(Provision(journeyId, stage), type);
        return (
            [Teardown(datasetId), SweepValidation(HealthSweep, datasetId), SweepValidation(ConnectorSync, datasetId)],
            [provision, ValidationOf(provision)],
            [RevalidationsOf(datasetId), RetriesOf(datasetId), RestoresOf(datasetId)]);
    }
}
