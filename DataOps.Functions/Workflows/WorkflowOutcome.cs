using System.Text.Json.Serialization;
using DataOps.Domain.Datasets;

namespace DataOps.Functions.Workflows;

/// <summary>
/// How a workflow ended for a dataset. Wire names (in orchestration outputs and the operations views): <c>ready</c>,
/// <c>failed</c>, <c>already_active</c>, <c>archived</c>, <c>refused</c>, <c>already_tearing_down</c>, <c>unchecked</c>,
/// <c>cancelled</c>.
/// </summary>
[JsonConverter(typeof(WireNameJsonConverter<WorkflowOutcome>))]
public enum WorkflowOutcome
{
    /// <summary>The dataset is READY.</summary>
    Ready,

    /// <summary>The dataset FAILED.</summary>
    Failed,

    /// <summary>Another dataset already holds the client/stage/type slot; nothing was created.</summary>
    AlreadyActive,

    /// <summary>The dataset was ARCHIVED.</summary>
    Archived,

    /// <summary>
    /// A rule refused the workflow: the teardown safety rule a teardown, or a connector name another client's dataset
    /// holds a provisioning (nothing registered).
    /// </summary>
    Refused,

    /// <summary>The dataset's teardown was already running, started by another transition; that one finishes it.</summary>
    AlreadyTearingDown,

    /// <summary>
    /// The quality checks could not run (Glean or storage unavailable after every retry): no verdict on the data. The
    /// dataset stays VALIDATING and the health sweep validates it again.
    /// </summary>
    Unchecked,

    /// <summary>The teardown was cancelled in its grace period; the dataset was revalidated.</summary>
    Cancelled,
}
