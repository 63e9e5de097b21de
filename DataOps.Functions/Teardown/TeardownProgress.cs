using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataOps.Functions.Teardown;

/// <summary>
/// Where a teardown stands: the custom status <c>TeardownDataset</c> sets at each step, and what the operations API
/// reads back from it. One type on both sides, so the phases are named once.
/// </summary>
/// <param name="Phase">One of the phase constants below.</param>
/// <param name="DeleteAt">When the grace period ends (UTC, the orchestration's clock); null outside it.</param>
internal sealed record TeardownProgress(string? Phase, DateTime? DeleteAt = null)
{
    /// <summary>Pausing the connector and writing the archive.</summary>
    public const string ArchivingPhase = "archiving";

    /// <summary>Disconnected and waiting out the grace period on a durable timer.</summary>
    public const string GracePeriodPhase = "grace_period";

    /// <summary>The connector is being deleted: past the point where stopping would keep anything.</summary>
    public const string DeletingPhase = "deleting";

    /// <summary>An operator cancelled the teardown in its grace period; the dataset is being restored and revalidated.</summary>
    public const string CancellingPhase = "cancelling";

    /// <summary>The phase a cancelled teardown reports when it has finished.</summary>
    public const string CancelledPhase = "cancelled";

    /// <summary>The phase a finished teardown reports.</summary>
    public const string ArchivedPhase = "archived";

    /// <summary>No progress known: the teardown has not set a status yet, or it is not one this type wrote.</summary>
    public static readonly TeardownProgress Unknown = new(Phase: null);

    /// <summary>
    /// Whether stopping the teardown now still keeps the dataset: until the grace period ends (archiving, disconnecting,
    /// waiting). Once it deletes the connector, stopping would only leave it half deleted.
    /// </summary>
    public bool CanStop => Phase is not (DeletingPhase or ArchivedPhase or CancellingPhase or CancelledPhase);

    /// <summary>Whether an operator's cancel or extension can still be taken: archiving, or waiting out the grace period.</summary>
    [JsonIgnore]
    public bool TakesControl => Phase is null or ArchivingPhase or GracePeriodPhase;

    /// <summary>The progress in a serialized custom status; unknown shapes read as no progress.</summary>
    public static TeardownProgress Read(string? serializedCustomStatus)
    {
        if (string.IsNullOrEmpty(serializedCustomStatus))
        {
            return Unknown;
        }

        try
        {
            using var document = JsonDocument.Parse(serializedCustomStatus);
            var status = document.RootElement;
            if (status.ValueKind != JsonValueKind.Object)
            {
                return Unknown;
            }

            var phase = status.TryGetProperty("phase", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
            DateTime? deleteAt = status.TryGetProperty("deleteAt", out var d) && d.ValueKind == JsonValueKind.String && d.TryGetDateTimeOffset(out var at)
                ? at.UtcDateTime
                : null;
            return new(phase, deleteAt);
        }
        catch (JsonException)
        {
            return Unknown;
        }
    }
}
