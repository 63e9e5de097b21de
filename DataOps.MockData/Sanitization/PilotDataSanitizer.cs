using System.Runtime.CompilerServices;
using DataOps.Domain.Datasets;
using DataOps.Domain.Sanitization;
using Microsoft.Extensions.Options;

namespace DataOps.MockData.Sanitization;

/// <summary>
/// Turns a client's pilot export (JSON lines) into sanitized records with the domain sanitization rules, one
/// record at a time: names get deterministic pseudonyms, e-mails fake example.com addresses, phone numbers,
/// SSNs and credentials are removed, sensitive fields dropped, dates kept (or shifted as configured). A line
/// that is not a JSON object is refused and counted, never passed on unsanitized.
/// </summary>
public sealed class PilotDataSanitizer(IPilotExportSource source, IOptions<MockDataOptions> options)
{
    /// <summary>Most distinct names collected from one export (bounds memory and per-record work).</summary>
    public const int MaxKnownNames = 20_000;

    /// <summary>The sanitization settings for a client: pseudonyms keyed by the configured secret and the client id.</summary>
    public SanitizationOptions OptionsFor(string clientId)
        => new($"{options.Value.SanitizationSalt}:{clientId}", TimeSpan.FromDays(options.Value.PilotDateShiftDays));

    /// <summary>
    /// Reads <c>pilot-exports/{clientId}/{dataset_type}.jsonl</c> and streams its sanitized records; counts go to
    /// <paramref name="report"/>. People's names are first collected from every export of the client, so a name
    /// known from, say, Slack authors is also replaced in Jira descriptions.
    /// </summary>
    /// <exception cref="PilotExportNotFoundException">The client has no export of the type.</exception>
    public async IAsyncEnumerable<IReadOnlyDictionary<string, object?>> SanitizeExportAsync(
        string clientId, DatasetType datasetType, PilotSanitizationReport report, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        await using var stream = await source.OpenAsync(clientId, datasetType, cancellationToken);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var other in Enum.GetValues<DatasetType>().Where(t => t != datasetType))
        {
            try
            {
                await using var export = await source.OpenAsync(clientId, other, cancellationToken);
                await CollectNamesAsync(export, names, cancellationToken);
            }
            catch (PilotExportNotFoundException)
            {
                // Clients export only some types; the others simply contribute no names.
            }
        }

        await foreach (var record in SanitizeAsync(stream, OptionsFor(clientId), report, names, cancellationToken))
        {
            yield return record;
        }
    }

    /// <summary>Adds the people's names found in an export to <paramref name="names"/>: name fields, and <c>first.last@</c> e-mail addresses.</summary>
    public static async Task CollectNamesAsync(Stream input, ISet<string> names, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(names);
        await foreach (var line in JsonLinesReader.ReadAsync(input, cancellationToken))
        {
            foreach (var (key, value) in line.Record ?? new Dictionary<string, object?>())
            {
                if (names.Count >= MaxKnownNames || value is not string text)
                {
                    continue;
                }

                if (RecordSanitizer.IsPersonNameField(key) && text.Trim().Length >= 3)
                {
                    names.Add(text.Trim());
                }
                else if (NameFromEmail(text) is { } fromEmail)
                {
                    names.Add(fromEmail);
                }
            }
        }
    }

    /// <summary>
    /// Sanitizes a JSON-lines stream in two passes: the first collects the people's names found in name fields and
    /// <c>first.last@</c> addresses anywhere in the export (added to <paramref name="knownNames"/>), so a name is also replaced where it appears in another record's free text; the
    /// second sanitizes and yields the records. A stream that cannot seek is buffered to a temporary file first.
    /// </summary>
    public static async IAsyncEnumerable<IReadOnlyDictionary<string, object?>> SanitizeAsync(
        Stream input, SanitizationOptions sanitization, PilotSanitizationReport report, IEnumerable<string>? knownNames, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(sanitization);
        ArgumentNullException.ThrowIfNull(report);
        await using var buffered = input.CanSeek ? null : await BufferAsync(input, cancellationToken);
        var stream = buffered ?? input;
        var start = stream.Position;
        var names = new HashSet<string>(knownNames ?? [], StringComparer.OrdinalIgnoreCase);
        await CollectNamesAsync(stream, names, cancellationToken);
        stream.Position = start;
        await foreach (var line in JsonLinesReader.ReadAsync(stream, cancellationToken))
        {
            if (line.Record is null)
            {
                report.Refused(line.Error!);
                continue;
            }

            var sanitized = RecordSanitizer.Sanitize(line.Record, WithNamesIn(line.Record, names, sanitization));
            report.Sanitized(sanitized.Report);
            yield return sanitized.Record;
        }
    }

    private static string? NameFromEmail(string text)
    {
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at < 0 || text.Contains(' ', StringComparison.Ordinal))
        {
            return null;
        }

        var parts = text[..at].Split('.');
        return parts.Length == 2 && parts.All(p => p.Length >= 2 && p.All(char.IsAsciiLetter))
            ? $"{char.ToUpperInvariant(parts[0][0])}{parts[0][1..]} {char.ToUpperInvariant(parts[1][0])}{parts[1][1..]}"
            : null;
    }

    // The domain text rule runs one expression per known name, so each record only gets the names it contains.
    private static SanitizationOptions WithNamesIn(IReadOnlyDictionary<string, object?> record, HashSet<string> names, SanitizationOptions options)
    {
        var present = names.Where(n => record.Values.Any(v => Contains(v, n))).ToArray();
        return present.Length == 0 ? options : new SanitizationOptions(options.Salt, options.DateShift, [.. options.KnownNames, .. present]);
    }

    private static bool Contains(object? value, string name) => value switch
    {
        string s => s.Contains(name, StringComparison.OrdinalIgnoreCase),
        IReadOnlyList<string> list => list.Any(item => item.Contains(name, StringComparison.OrdinalIgnoreCase)),
        _ => false,
    };

    private static async Task<FileStream> BufferAsync(Stream input, CancellationToken cancellationToken)
    {
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await input.CopyToAsync(file, cancellationToken);
        file.Position = 0;
        return file;
    }
}
