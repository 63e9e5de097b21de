using DataOps.Domain.Datasets;

namespace DataOps.Functions.Provisioning;

/// <summary>
/// An operator asks for every FAILED dataset matching a filter to be provisioned again. Every filter is optional; they
/// combine with AND; at least one must be given, so a bulk retry is always a choice.
/// </summary>
public sealed record RetryFailedDatasetsCommand(ClientId? ClientId, JourneyId? JourneyId, Stage? Stage, DateTimeOffset? FailedSince, string Reason)
{
    /// <summary>The most datasets one bulk retry starts; the answer says when more matched.</summary>
    public const int MaxDatasets = 100;
}
