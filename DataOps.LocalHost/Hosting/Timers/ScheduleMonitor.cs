using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;

namespace DataOps.LocalHost.Hosting.Timers;

/// <summary>
/// Persists a timer's <see cref="TimerScheduleStatus"/> in blob storage (<c>azure-webjobs-hosts/timers/{hostId}/{function}/status</c>,
/// as Azure Functions does), so a run missed while every host was down is noticed at the next start.
/// </summary>
internal sealed class ScheduleMonitor(BlobContainerClient container, string hostId, string functionName)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly BlobClient _blob = container.GetBlobClient($"timers/{hostId}/{functionName}/status");

    public async Task<TimerScheduleStatus?> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            var download = await _blob.DownloadContentAsync(cancellationToken: cancellationToken);
            return download.Value.Content.ToObjectFromJson<TimerScheduleStatus>(Json);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
        catch (JsonException)
        {
            // A damaged status is treated as no history: the schedule simply starts afresh.
            return null;
        }
    }

    public Task WriteAsync(TimerScheduleStatus status, CancellationToken cancellationToken) =>
        _blob.UploadAsync(BinaryData.FromObjectAsJson(status, Json), overwrite: true, cancellationToken);
}
