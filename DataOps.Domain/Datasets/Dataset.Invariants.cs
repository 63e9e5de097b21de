using DataOps.Domain.Common;
using DataOps.Domain.Connectors;
using DataOps.Domain.Events;

namespace DataOps.Domain.Datasets;

/// <summary>Invariant checks and event plumbing of the dataset aggregate.</summary>
public sealed partial class Dataset
{
    private const int _maxTextLength = 2000;

    private void CheckIdentity()
    {
        Require(Id.Value, DatasetId.FieldName);
        Require(Name.Value, DatasetName.FieldName);
        Require(ClientId.Value, ClientId.FieldName);
        Require(ClientName.Value, ClientName.FieldName);
        Require(JourneyId.Value, JourneyId.FieldName);
        Require(ConnectorName.Value, ConnectorName.FieldName);
        if (!Enum.IsDefined(Type))
        {
            throw new DomainValidationException("datasetType", "is not a known dataset type");
        }

        if (!Enum.IsDefined(Stage))
        {
            throw new DomainValidationException("stage", "is not a known stage");
        }

        if (TemplateId is { } template && string.IsNullOrEmpty(template.Value))
        {
            throw new DomainValidationException(Templates.TemplateId.FieldName, "must not be empty");
        }

        if (DataSource != StageDataRules.DataSourceFor(Stage))
        {
            throw new DomainValidationException("dataSource", $"a {Stage.ToWireName()} dataset takes {StageDataRules.DataSourceFor(Stage).ToWireName()} data, not {DataSource.ToWireName()}");
        }

        if (TemplateId is null && StageDataRules.RequiresTemplate(Stage))
        {
            throw new DomainValidationException(Templates.TemplateId.FieldName, $"a {Stage.ToWireName()} dataset needs the template its mock data comes from");
        }

        var expected = ConnectorNaming.For(ClientName, Stage, Type);
        if (!string.Equals(expected.Value, ConnectorName.Value, StringComparison.Ordinal))
        {
            throw new DomainValidationException(ConnectorName.FieldName, $"must be {expected.Value} for this client, stage and type");
        }
    }

    private void CheckStateConsistency()
    {
        if (!Enum.IsDefined(Status))
        {
            throw new DomainValidationException("status", "is not a known status");
        }

        Check(Attempt >= 1, "attempt", "must be at least 1");
        Check(EventSequence >= 0, "eventSequence", "must not be negative");
        Check(RecordCount >= 0, "recordCount", "must not be negative");
        Check(SizeBytes >= 0, "sizeBytes", "must not be negative");
        switch (Status)
        {
            case DatasetStatus.Ready:
                Check(ReadyAt is not null && QualityScore is { MeetsReadyRule: true }, "status", "ready needs readyAt and a quality score meeting the READY rule");
                break;
            case DatasetStatus.Failed:
                Check(FailedAt is not null && !string.IsNullOrWhiteSpace(FailureReason), "status", "failed needs failedAt and failureReason");
                break;
            case DatasetStatus.Teardown:
                Check(TeardownStartedAt is not null && TeardownReason is not null, "status", "teardown needs teardownStartedAt and teardownReason");
                break;
            case DatasetStatus.Archived:
                Check(ArchivedAt is not null && !string.IsNullOrWhiteSpace(ArchiveLocation) && TeardownReason is not null, "status", "archived needs archivedAt, archiveLocation and teardownReason");
                break;
            default:
                break;
        }
    }

    private static void Require(string value, string field)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new DomainValidationException(field, "must not be empty");
        }
    }

    private static void Check(bool condition, string field, string reason)
    {
        if (!condition)
        {
            throw new DomainValidationException("snapshot." + field, reason);
        }
    }

    private static string RequireText(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DomainValidationException(field, "must not be empty");
        }

        var text = value.Trim();
        return text.Length <= _maxTextLength ? text : text[.._maxTextLength];
    }

    private void EnsureCan(DatasetStatus to, string operation)
    {
        if (!DatasetStateMachine.CanTransition(Status, to))
        {
            throw new InvalidDatasetTransitionException(Id, Status, to, operation);
        }
    }

    private void MoveTo(DatasetStatus to, DateTimeOffset now)
    {
        Status = to;
        UpdatedAt = now;
    }

    private string NextEventId(string eventType) => DomainEventIds.Derive(Id.Value, eventType, EventSequence++);

    private void RaiseValidationStarted(DatasetStatus from, string reason, DateTimeOffset now)
        => _domainEvents.Add(new DatasetValidationStarted(NextEventId(nameof(DatasetValidationStarted)), now, Id, JourneyId, from.ToWireName(), reason));

    private void RaiseProvisioningStarted(DateTimeOffset now)
        => _domainEvents.Add(new DatasetProvisioningStarted(NextEventId(nameof(DatasetProvisioningStarted)), now, Id, JourneyId, ClientId, TemplateId, Stage, Type, ConnectorName, Attempt));
}
