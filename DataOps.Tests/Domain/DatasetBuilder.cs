using DataOps.Domain.Datasets;
using DataOps.Domain.Templates;
using DatasetAggregate = DataOps.Domain.Datasets.Dataset;

namespace DataOps.Tests.Domain;

/// <summary>Builds a dataset and walks it along legal transitions to the status a test needs.</summary>
internal sealed class DatasetBuilder
{
    private string _id = "ds-1";
    private string _clientId = "client-1";
    private string _clientName = "ACME";
    private string _journeyId = "journey-1";
    private Stage _stage = Stage.Sandbox;
    private DatasetType _type = DatasetType.ConfluencePages;
    private string? _templateId = "healthcare.developer_productivity.confluence_pages";
    private DateTimeOffset _createdAt = Builders.T0;

    public DatasetBuilder WithId(string id) { _id = id; return this; }

    public DatasetBuilder ForClient(string clientId, string clientName = "ACME") { _clientId = clientId; _clientName = clientName; return this; }

    public DatasetBuilder ForJourney(string journeyId) { _journeyId = journeyId; return this; }

    public DatasetBuilder InStage(Stage stage) { _stage = stage; _templateId = stage == Stage.Sandbox ? _templateId : null; return this; }

    public DatasetBuilder OfType(DatasetType type) { _type = type; return this; }

    public DatasetBuilder CreatedAt(DateTimeOffset at) { _createdAt = at; return this; }

    public DatasetAggregate Build()
        => DatasetAggregate.Register(
            DatasetId.Create(_id),
            ClientId.Create(_clientId),
            ClientName.Create(_clientName),
            JourneyId.Create(_journeyId),
            _stage,
            _type,
            _templateId is null ? null : TemplateId.Create(_templateId),
            _createdAt);

    /// <summary>A dataset in the given status, reached through legal transitions, with its events cleared.</summary>
    public DatasetAggregate BuildIn(DatasetStatus status)
    {
        var dataset = Build();
        var at = _createdAt;
        switch (status)
        {
            case DatasetStatus.Provisioning:
                break;
            case DatasetStatus.Validating:
                dataset.StartValidation(at.AddMinutes(5));
                break;
            case DatasetStatus.Ready:
                dataset.StartValidation(at.AddMinutes(5));
                dataset.MarkReady(Builders.ReadyScore(at.AddMinutes(10)), at.AddMinutes(10));
                break;
            case DatasetStatus.Failed:
                dataset.MarkFailed("connector creation failed", [], at.AddMinutes(5));
                break;
            case DatasetStatus.Teardown:
                dataset.StartValidation(at.AddMinutes(5));
                dataset.MarkReady(Builders.ReadyScore(at.AddMinutes(10)), at.AddMinutes(10));
                dataset.StartTeardown(TeardownReason.StageTransition, at.AddHours(1));
                break;
            case DatasetStatus.Archived:
                dataset.StartValidation(at.AddMinutes(5));
                dataset.MarkReady(Builders.ReadyScore(at.AddMinutes(10)), at.AddMinutes(10));
                dataset.StartTeardown(TeardownReason.StageTransition, at.AddHours(1));
                dataset.Archive("dataset-archives/client-1/sandbox/confluence_pages/ds-1/", 1234, at.AddHours(25));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(status));
        }

        dataset.ClearDomainEvents();
        return dataset;
    }
}
