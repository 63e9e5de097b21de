using DataOps.Domain.Common;
using DataOps.Domain.Connectors;
using DataOps.Domain.Events;
using DataOps.Domain.Quality;
using DataOps.Domain.Templates;

namespace DataOps.Domain.Datasets;

/// <summary>
/// The dataset aggregate: a collection of records of one type provisioned for a client's stage, with its
/// lifecycle (<see cref="DatasetStateMachine"/>). State changes only through intention-named methods, which throw
/// <see cref="InvalidDatasetTransitionException"/> when the status does not allow them, raise domain events when
/// they change something and do nothing when they would change nothing. Archived datasets are immutable.
/// Time always comes in as a value.
/// </summary>
public sealed partial class Dataset
{
    private readonly List<IDomainEvent> _domainEvents = [];
    private IReadOnlyList<QualityCheckType> _failedChecks = [];

    private Dataset(DatasetSnapshot s)
    {
        Id = s.Id;
        Name = s.Name;
        Type = s.Type;
        Stage = s.Stage;
        ClientId = s.ClientId;
        ClientName = s.ClientName;
        JourneyId = s.JourneyId;
        TemplateId = s.TemplateId;
        DataSource = s.DataSource;
        ConnectorName = s.ConnectorName;
        Status = s.Status;
        CreatedAt = s.CreatedAt;
        UpdatedAt = s.UpdatedAt;
        ProvisioningStartedAt = s.ProvisioningStartedAt;
        ReadyAt = s.ReadyAt;
        FailedAt = s.FailedAt;
        TeardownStartedAt = s.TeardownStartedAt;
        TeardownCancelledAt = s.TeardownCancelledAt;
        DeleteAfter = s.DeleteAfter;
        ArchivedAt = s.ArchivedAt;
        RecordCount = s.RecordCount;
        SizeBytes = s.SizeBytes;
        QualityScore = s.QualityScore;
        FailureReason = s.FailureReason;
        _failedChecks = s.FailedChecks.ToArray();
        TeardownReason = s.TeardownReason;
        ArchiveLocation = s.ArchiveLocation;
        RevalidationReason = s.RevalidationReason;
        Attempt = s.Attempt;
        EventSequence = s.EventSequence;
        ProvisionCompleted = s.ProvisionCompleted;
        ProvisionCompletedAt = s.ProvisionCompletedAt;
    }

    /// <summary>Dataset id.</summary>
    public DatasetId Id { get; }

    /// <summary>Dataset name.</summary>
    public DatasetName Name { get; }

    /// <summary>Dataset type.</summary>
    public DatasetType Type { get; }

    /// <summary>The stage it serves.</summary>
    public Stage Stage { get; }

    /// <summary>The client.</summary>
    public ClientId ClientId { get; }

    /// <summary>The client's name, as used in the connector name.</summary>
    public ClientName ClientName { get; }

    /// <summary>The journey that asked for it.</summary>
    public JourneyId JourneyId { get; }

    /// <summary>The template its records come from; null when the stage uses none.</summary>
    public TemplateId? TemplateId { get; }

    /// <summary>Where its records come from (fixed by the stage).</summary>
    public DataSource DataSource { get; }

    /// <summary>Its Glean connector's name, <c>{clientName}-{stage}-{connectorType}</c>.</summary>
    public ConnectorName ConnectorName { get; }

    /// <summary>Lifecycle status.</summary>
    public DatasetStatus Status { get; private set; }

    /// <summary>Registration time.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>Time of the last change.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Start of the current provisioning attempt.</summary>
    public DateTimeOffset ProvisioningStartedAt { get; private set; }

    /// <summary>When it last became READY.</summary>
    public DateTimeOffset? ReadyAt { get; private set; }

    /// <summary>When the current failure happened; null unless FAILED.</summary>
    public DateTimeOffset? FailedAt { get; private set; }

    /// <summary>When teardown started.</summary>
    public DateTimeOffset? TeardownStartedAt { get; private set; }

    /// <summary>
    /// When a teardown of it was last cancelled. A journey event that happened before then does not tear it down again:
    /// the operator's cancel came after it.
    /// </summary>
    public DateTimeOffset? TeardownCancelledAt { get; private set; }

    /// <summary>When the teardown's grace period ends and the connector is deleted; null outside a grace period.</summary>
    public DateTimeOffset? DeleteAfter { get; private set; }

    /// <summary>When it was archived.</summary>
    public DateTimeOffset? ArchivedAt { get; private set; }

    /// <summary>Records populated.</summary>
    public long RecordCount { get; private set; }

    /// <summary>Size of the populated records in bytes.</summary>
    public long SizeBytes { get; private set; }

    /// <summary>Latest quality score.</summary>
    public QualityScore? QualityScore { get; private set; }

    /// <summary>Why the dataset failed; null unless FAILED.</summary>
    public string? FailureReason { get; private set; }

    /// <summary>The checks behind the current failure.</summary>
    public IReadOnlyList<QualityCheckType> FailedChecks => _failedChecks;

    /// <summary>Why it is being (or was) torn down.</summary>
    public TeardownReason? TeardownReason { get; private set; }

    /// <summary>Where it was archived.</summary>
    public string? ArchiveLocation { get; private set; }

    /// <summary>Why a READY dataset was sent back to validation (e.g. connector unhealthy).</summary>
    public string? RevalidationReason { get; private set; }

    /// <summary>Provisioning attempt, 1-based; retries increment it.</summary>
    public int Attempt { get; private set; }

    /// <summary>Number of domain events raised over the dataset's life; seeds deterministic event ids.</summary>
    public long EventSequence { get; private set; }

    /// <summary>Whether the current provisioning attempt already reached READY.</summary>
    public bool ProvisionCompleted { get; private set; }

    /// <summary>When the current provisioning attempt first reached READY; null until it has.</summary>
    public DateTimeOffset? ProvisionCompletedAt { get; private set; }

    /// <summary>Whether the dataset occupies its client/stage/type slot (see <see cref="DatasetStateMachine.IsActive"/>).</summary>
    public bool IsActive => DatasetStateMachine.IsActive(Status);

    /// <summary>Events raised since the last <see cref="ClearDomainEvents"/>, oldest first.</summary>
    public IReadOnlyList<IDomainEvent> DomainEvents => _domainEvents.AsReadOnly();

    /// <summary>Forgets the raised events once they have been published.</summary>
    public void ClearDomainEvents() => _domainEvents.Clear();

    /// <summary>
    /// Registers a dataset in PROVISIONING and raises <see cref="DatasetProvisioningStarted"/>. Enforces the stage
    /// rules: the data source must be the stage's (<see cref="StageDataRules"/>), sandbox datasets need a template,
    /// and the connector name must follow <see cref="ConnectorNaming"/>.
    /// </summary>
    public static Dataset Register(
        DatasetId id,
        DatasetName name,
        DatasetType type,
        Stage stage,
        ClientId clientId,
        ClientName clientName,
        JourneyId journeyId,
        TemplateId? templateId,
        DataSource dataSource,
        ConnectorName connectorName,
        DateTimeOffset now)
    {
        var dataset = new Dataset(new DatasetSnapshot
        {
            Id = id,
            Name = name,
            Type = type,
            Stage = stage,
            ClientId = clientId,
            ClientName = clientName,
            JourneyId = journeyId,
            TemplateId = templateId,
            DataSource = dataSource,
            ConnectorName = connectorName,
            Status = DatasetStatus.Provisioning,
            CreatedAt = now,
            UpdatedAt = now,
            ProvisioningStartedAt = now,
        });
        dataset.CheckIdentity();
        dataset.RaiseProvisioningStarted(now);
        return dataset;
    }

    /// <summary>
    /// Registers a dataset with the conventional name (<see cref="DatasetName.For"/>), the stage's data source and
    /// the conventional connector name.
    /// </summary>
    public static Dataset Register(DatasetId id, ClientId clientId, ClientName clientName, JourneyId journeyId, Stage stage, DatasetType type, TemplateId? templateId, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(clientName.Value))
        {
            throw new DomainValidationException(ClientName.FieldName, "must not be empty");
        }

        return Register(id, DatasetName.For(clientName, stage, type), type, stage, clientId, clientName, journeyId, templateId, StageDataRules.DataSourceFor(stage), ConnectorNaming.For(clientName, stage, type), now);
    }
}
