using DataOps.Domain.Common;
using DataOps.Domain.Datasets;

namespace DataOps.Domain.Events;

/// <summary>A journey asked for datasets of some types in a stage (one event per request, not per dataset).</summary>
/// <param name="EventId">Deterministic event id.</param>
/// <param name="OccurredAt">When the request was made (<c>requested_at</c>).</param>
/// <param name="JourneyId">The requesting journey.</param>
/// <param name="ClientId">The journey's client.</param>
/// <param name="Stage">The stage the datasets are for.</param>
/// <param name="DatasetTypes">The requested types, distinct, at least one.</param>
/// <param name="RequestedBy">The actor who asked.</param>
public sealed record DatasetProvisionRequested(
    string EventId,
    DateTimeOffset OccurredAt,
    JourneyId JourneyId,
    ClientId ClientId,
    Stage Stage,
    IReadOnlyList<DatasetType> DatasetTypes,
    string RequestedBy) : DomainEvent(EventId, OccurredAt)
{
    /// <summary>The requested types, compared by content.</summary>
    public IReadOnlyList<DatasetType> DatasetTypes { get; init; } = ValueList<DatasetType>.From(DatasetTypes);

    /// <summary>Longest accepted actor name.</summary>
    public const int MaxRequestedByLength = 128;

    /// <summary>
    /// Creates the event, validating the types (non-empty, distinct) and the actor; the event id is derived from
    /// the journey, stage, types and request time, so the same request raised twice has the same id.
    /// </summary>
    public static DatasetProvisionRequested Create(JourneyId journeyId, ClientId clientId, Stage stage, IEnumerable<DatasetType> datasetTypes, string requestedBy, DateTimeOffset requestedAt)
    {
        ArgumentNullException.ThrowIfNull(datasetTypes);
        var types = datasetTypes.ToArray();
        if (types.Length == 0)
        {
            throw new DomainValidationException("datasetTypes", "must name at least one dataset type");
        }

        if (types.Distinct().Count() != types.Length)
        {
            throw new DomainValidationException("datasetTypes", "must not contain duplicates");
        }

        if (types.Any(t => !Enum.IsDefined(t)))
        {
            throw new DomainValidationException("datasetTypes", "contains an unknown dataset type");
        }

        var actorError = IdentifierRules.Check(requestedBy, MaxRequestedByLength, allowInnerSpaces: true);
        if (actorError is not null)
        {
            throw new DomainValidationException("requestedBy", actorError);
        }

        var name = $"{journeyId.Value}\n{stage.ToWireName()}\n{string.Join(",", types.Select(t => t.ToWireName()))}\n{requestedAt.UtcTicks}";
        return new DatasetProvisionRequested(DomainEventIds.FromName(name), requestedAt, journeyId, clientId, stage, types, requestedBy);
    }
}
