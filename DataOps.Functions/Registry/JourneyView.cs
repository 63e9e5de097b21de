using DataOps.Domain.Datasets;
using DataOps.Domain.Registry;

namespace DataOps.Functions.Registry;

/// <summary>The journey projection: what the product knows of a journey from the events it received.</summary>
/// <param name="JourneyId">Journey id.</param>
/// <param name="ClientId">Client id.</param>
/// <param name="CurrentStage">Stage wire name the journey is in; null when unknown.</param>
/// <param name="Completed">Whether the journey completed.</param>
/// <param name="LastEventAt">Time of the newest event applied; older events arriving late are ignored.</param>
public sealed record JourneyView(string JourneyId, string ClientId, string? CurrentStage, bool Completed, DateTimeOffset LastEventAt)
{
    /// <summary>The domain's view of the journey for its rules; null when its stage is unknown (treated as an unknown journey).</summary>
    public JourneyState? ToState()
        => WireNames.TryParse<Stage>(CurrentStage, out var stage) ? new JourneyState(Domain.Datasets.JourneyId.Create(JourneyId), stage.Value, Completed) : null;
}
