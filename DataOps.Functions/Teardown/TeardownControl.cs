using System.Text.Json.Serialization;
using DataOps.Domain.Datasets;

namespace DataOps.Functions.Teardown;

/// <summary>
/// What an operator asks of a teardown in its grace period, sent to <c>teardown:{datasetId}</c> as the
/// <see cref="EventName"/> event: cancel it (the dataset is restored and revalidated) or extend the grace period.
/// </summary>
/// <param name="Action">Cancel or extend.</param>
/// <param name="Reason">Why, as the operator wrote it.</param>
/// <param name="ExtendBy">How much later the connector is deleted (extend only).</param>
public sealed record TeardownControl(TeardownControlAction Action, string Reason, TimeSpan? ExtendBy = null)
{
    /// <summary>The external event's name.</summary>
    public const string EventName = "teardown_control";
}

/// <summary>What a <see cref="TeardownControl"/> asks for. Wire names <c>cancel</c>, <c>extend</c>.</summary>
[JsonConverter(typeof(WireNameJsonConverter<TeardownControlAction>))]
public enum TeardownControlAction
{
    /// <summary>Stop the teardown; restore and revalidate the dataset.</summary>
    Cancel,

    /// <summary>Delete the connector later.</summary>
    Extend,
}
