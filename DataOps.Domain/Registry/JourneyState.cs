using DataOps.Domain.Datasets;

namespace DataOps.Domain.Registry;

/// <summary>What the registry knows of a journey (its projection of journey events): where it is and whether it ended.</summary>
/// <param name="JourneyId">The journey.</param>
/// <param name="CurrentStage">The stage it is in now (the last one, once completed).</param>
/// <param name="Completed">Whether the journey completed.</param>
public sealed record JourneyState(JourneyId JourneyId, Stage CurrentStage, bool Completed)
{
    /// <summary>Whether the journey is still running in the given stage.</summary>
    public bool IsActiveIn(Stage stage) => !Completed && CurrentStage == stage;
}
