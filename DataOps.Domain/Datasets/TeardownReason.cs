using System.Text.Json.Serialization;

namespace DataOps.Domain.Datasets;

/// <summary>Why a dataset is torn down. Wire names: <c>stage_transition</c>, <c>journey_completed</c>, <c>orphan_cleanup</c>, <c>manual</c>.</summary>
[JsonConverter(typeof(WireNameJsonConverter<TeardownReason>))]
public enum TeardownReason
{
    /// <summary>The journey moved to another stage.</summary>
    StageTransition,

    /// <summary>The journey completed.</summary>
    JourneyCompleted,

    /// <summary>The daily orphan scan found the dataset without an owning journey stage.</summary>
    OrphanCleanup,

    /// <summary>A person asked for it.</summary>
    Manual,
}
