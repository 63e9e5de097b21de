using System.Text.Json;

namespace DataOps.Functions.Operations;

/// <summary>Where a teardown stands, read from the custom status it sets: its phase and, in the grace period, when it deletes.</summary>
/// <param name="Phase"><c>archiving</c>, <c>grace_period</c>, <c>deleting</c> or <c>archived</c>; null before the first.</param>
/// <param name="DeleteAt">When the grace period ends; null outside it.</param>
public sealed record TeardownProgress(string? Phase, DateTimeOffset? DeleteAt)
{
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
