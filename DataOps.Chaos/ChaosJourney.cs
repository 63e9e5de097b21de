namespace DataOps.Chaos;

/// <summary>One sandbox journey of the run and what the run did with it.</summary>
internal sealed class ChaosJourney(int index, string runId, IReadOnlyList<string> types, bool movesOn, string industry, string useCase)
{
    public string JourneyId { get; } = $"chaos-{runId}-{index:000}";

    public string ClientId { get; } = $"client-{runId}-{index:000}";

    public IReadOnlyList<string> Types { get; } = types;

    /// <summary>Whether the journey moves on to pilot (its sandbox datasets must end ARCHIVED) or stays (READY).</summary>
    public bool MovesOn { get; } = movesOn;

    public string ExpectedStatus => MovesOn ? "archived" : "ready";

    public bool Submitted { get; set; }

    public bool TransitionSent { get; set; }

    public object ProvisionBody => new
    {
        journeyId = JourneyId,
        clientId = ClientId,
        clientName = $"Chaos Client {index}",
        industry,
        useCase,
        stage = "sandbox",
        datasetTypes = Types,
        requestedBy = "chaos@example.com",
    };

    public object StageChanged(DateTimeOffset occurredAt) => new
    {
        type = "JourneyStageChanged",
        journeyId = JourneyId,
        clientId = ClientId,
        fromStage = "sandbox",
        toStage = "pilot",
        occurredAt,
    };
}
