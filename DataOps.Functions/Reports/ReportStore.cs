using System.Text;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;

namespace DataOps.Functions.Reports;

/// <summary>
/// The produced reports in blob storage: <c>{container}/{name}/{yyyy-MM-dd}.json</c> and <c>.csv</c>. Producing a
/// report again the same day overwrites both, so a timer that fires twice or a report produced on demand after the
/// scheduled one leaves one pair per day.
/// </summary>
public sealed class ReportStore(BlobServiceClient blobs, IOptions<ReportOptions> options)
{
    /// <summary>How report JSON is written: the HTTP answers' conventions (camelCase, nulls written).</summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private BlobContainerClient Container => blobs.GetBlobContainerClient(options.Value.ContainerName);

    /// <summary>The container's name.</summary>
    public string ContainerName => options.Value.ContainerName;

    /// <summary>The blob name of a report in a format.</summary>
    public static string BlobName(string report, string date, ReportFormat format) => $"{report}/{date}{Extension(format)}";

    /// <summary>The content type a format is stored and served with.</summary>
    public static string ContentType(ReportFormat format) => format == ReportFormat.Csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8";

    /// <summary>Writes (or overwrites) the report's JSON and CSV; creates the container when missing.</summary>
    public async Task<StoredReport> WriteAsync(ReportDocument document, ReportContent content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(content);
        var container = Container;
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var json = BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(document, Json));
        var csv = BinaryData.FromBytes(Encoding.UTF8.GetBytes(ReportCsv.Write(content.Columns, content.Rows)));
        var jsonName = BlobName(document.Report, document.Date, ReportFormat.Json);
        var csvName = BlobName(document.Report, document.Date, ReportFormat.Csv);
        await UploadAsync(container, jsonName, json, ReportFormat.Json, cancellationToken).ConfigureAwait(false);
        await UploadAsync(container, csvName, csv, ReportFormat.Csv, cancellationToken).ConfigureAwait(false);
        return new StoredReport(document.Report, document.Date, document.GeneratedAt, document.Rows.Count, ContainerName, jsonName, csvName);
    }

    /// <summary>The stored dates of every report, newest first; empty when nothing was produced (or no container yet).</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> DatesAsync(CancellationToken cancellationToken)
    {
        var dates = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        try
        {
            await foreach (var blob in Container.GetBlobsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                var slash = blob.Name.IndexOf('/', StringComparison.Ordinal);
                if (slash <= 0 || !blob.Name.EndsWith(Extension(ReportFormat.Json), StringComparison.Ordinal))
                {
                    continue;
                }

                var name = blob.Name[..slash];
                var date = blob.Name[(slash + 1)..^Extension(ReportFormat.Json).Length];
                if (ReportDates.TryParse(date, out _))
                {
                    (dates.TryGetValue(name, out var set) ? set : dates[name] = new SortedSet<string>(StringComparer.Ordinal)).Add(date);
                }
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No report has been produced yet.
        }

        return dates.ToDictionary(d => d.Key, d => (IReadOnlyList<string>)[.. d.Value.Reverse()], StringComparer.Ordinal);
    }

    /// <summary>A stored report's bytes; null when that report was not produced that day.</summary>
    public async Task<BinaryData?> ReadAsync(string report, string date, ReportFormat format, CancellationToken cancellationToken)
    {
        try
        {
            var download = await Container.GetBlobClient(BlobName(report, date, format)).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return download.Value.Content;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    private static string Extension(ReportFormat format) => format == ReportFormat.Csv ? ".csv" : ".json";

    private static async Task UploadAsync(BlobContainerClient container, string name, BinaryData content, ReportFormat format, CancellationToken cancellationToken)
        => await container.GetBlobClient(name).UploadAsync(content, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = ContentType(format) } }, cancellationToken).ConfigureAwait(false);
}
