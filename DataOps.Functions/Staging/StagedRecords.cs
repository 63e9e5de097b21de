using System.IO.Compression;
using System.Runtime.CompilerServices;
using DataOps.Domain.Templates;
using DataOps.MockData.Records;

namespace DataOps.Functions.Staging;

/// <summary>
/// A staged copy opened for reading: what it holds (<see cref="Copy"/>) and its records, streamed from storage and
/// decompressed one line at a time, so a large copy is never held in memory whole. Read once, then dispose.
/// </summary>
public sealed class StagedRecords(StagedCopy copy, Stream content) : IAsyncDisposable
{
    /// <summary>The copy: location, record count and sizes as written.</summary>
    public StagedCopy Copy { get; } = copy;

    /// <summary>
    /// The records, typed by <paramref name="schema"/>'s field types. A copy that is not gzip JSON lines (damaged in
    /// storage) throws <see cref="InvalidDataException"/> at the record where reading failed.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyDictionary<string, object?>> ReadAsync(TemplateSchema? schema, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var gzip = new GZipStream(content, CompressionMode.Decompress, leaveOpen: true);
        await foreach (var record in RecordLines.ReadAsync(gzip, schema, cancellationToken).ConfigureAwait(false))
        {
            yield return record;
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => content.DisposeAsync();
}
