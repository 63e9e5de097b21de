using System.Text.Json.Serialization;
using DataOps.Domain.Datasets;

namespace DataOps.Functions.Watch;

/// <summary>A dataset no workflow is moving any more, and what the health sweep's repair does about it.</summary>
/// <param name="DatasetId">The dataset.</param>
/// <param name="Status">Its status when found.</param>
/// <param name="Repair">What the repair does.</param>
/// <param name="Reason">Why it counts as stalled, in a sentence (kept as the failure reason when the repair fails it).</param>
public sealed record StalledDataset(
    DatasetId DatasetId,
    [property: JsonConverter(typeof(WireNameJsonConverter<DatasetStatus>))] DatasetStatus Status,
    RepairAction Repair,
    string Reason);

/// <summary>How the health sweep repairs a stalled dataset. Wire names are snake_case.</summary>
[JsonConverter(typeof(WireNameJsonConverter<RepairAction>))]
public enum RepairAction
{
    /// <summary>
    /// PROVISIONING with no workflow: FAILED with the reason, slot released, connector emptied (it can then be retried);
    /// FAILED with its slot or a live connector left over: the same compensation finished.
    /// </summary>
    Fail,

    /// <summary>VALIDATING with no workflow (its checks could not run, or its workflow died): the checks run again.</summary>
    Validate,

    /// <summary>TEARDOWN whose teardown failed or vanished: the teardown runs again to its end (the grace period keeps its end).</summary>
    ResumeTeardown,

    /// <summary>TEARDOWN whose teardown an operator terminated and nothing restored: restored and revalidated, as a cancel does.</summary>
    Restore,
}
