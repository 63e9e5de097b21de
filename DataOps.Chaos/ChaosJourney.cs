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

    /// <summary>Types whose dataset must end otherwise than the journey's other datasets (a cancelled teardown: READY).</summary>
    public Dictionary<string, string> ExpectedOverrides { get; } = new(StringComparer.Ordinal);

    /// <summary>The status the dataset of <paramref name="type"/> must end in.</summary>
    public string ExpectedStatusOf(string type) => ExpectedOverrides.GetValueOrDefault(type, ExpectedStatus);

    /// <summary>
    /// The Glean datasource the product derives for this journey's <paramref name="type"/> (connector
    /// <c>{clientName}-sandbox-{connectorType}</c>, lower-case letters and digits only).
    /// </summary>
    public string DatasourceOf(string type) =>
        new string($"Chaos Client {index}sandbox{type[..type.IndexOf('_', StringComparison.Ordinal)]}".ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());

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
