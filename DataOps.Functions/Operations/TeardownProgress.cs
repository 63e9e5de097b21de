using System.Text.Json;

namespace DataOps.Functions.Operations;

/// <summary>Where a teardown stands, read from the custom status it sets: its phase and, in the grace period, when it deletes.</summary>
/// <param name="Phase"><c>archiving</c>, <c>grace_period</c>, <c>deleting</c> or <c>archived</c>; null before the first.</param>
/// <param name="DeleteAt">When the grace period ends; null outside it.</param>
public sealed record TeardownProgress(string? Phase, DateTimeOffset? DeleteAt)
{
    /// <summary>The phase in which the connector is being deleted: past the point where stopping would keep anything.</summary>
    public const string DeletingPhase = "deleting";

    /// <summary>The phase a finished teardown reports.</summary>
    public const string ArchivedPhase = "archived";

    /// <summary>
    /// Whether stopping the teardown now still keeps the dataset: until the grace period ends (archiving, disconnecting,
    /// waiting). Once it deletes the connector, stopping would only leave it half deleted.
    /// </summary>
    public bool CanStop => Phase is not (DeletingPhase or ArchivedPhase);

    /// <summary>The progress in a serialized custom status; unknown shapes read as no progress.</summary>
    public static TeardownProgress Read(string? serializedCustomStatus)
    {
        if (InstanceViews.ParseJson(serializedCustomStatus) is not { ValueKind: JsonValueKind.Object } status)
        {
            return new(null, null);
        }

        var phase = status.TryGetProperty("phase", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        DateTimeOffset? deleteAt = status.TryGetProperty("deleteAt", out var d) && d.ValueKind == JsonValueKind.String && d.TryGetDateTimeOffset(out var at)
            ? at
            : null;
        return new(phase, deleteAt);
    }
}
