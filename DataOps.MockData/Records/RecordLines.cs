using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using DataOps.Domain.Templates;
using DataOps.MockData.Templates;

namespace DataOps.MockData.Records;

/// <summary>
/// Records as JSON lines, written and read back: one object a line, each value in one fixed representation
/// (<see cref="RecordJsonWriter"/>), read back with the value contract of the schema's field types, so records written
/// and read back validate exactly as they did before they were written.
/// </summary>
public static class RecordLines
{
    /// <summary>Writes the records, one JSON object a line.</summary>
    public static Task WriteAsync(IEnumerable<IReadOnlyDictionary<string, object?>> records, Stream output, CancellationToken cancellationToken)
        => RecordJsonWriter.WriteLinesAsync(records, output, cancellationToken);

    /// <summary>
    /// Reads the records one line at a time; values take the type of their field in <paramref name="schema"/> when they
    /// can (a value that cannot is kept as it came, for the schema check to report), fields it does not define are read
    /// untyped. Blank lines are skipped.
    /// </summary>
    /// <exception cref="InvalidDataException">A line is not a JSON object.</exception>
    public static async IAsyncEnumerable<IReadOnlyDictionary<string, object?>> ReadAsync(Stream input, TemplateSchema? schema, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var reader = new StreamReader(input, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024, leaveOpen: true);
        var number = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            yield return Parse(line, number, schema);
        }
    }

    private static IReadOnlyDictionary<string, object?> Parse(string line, int number, TemplateSchema? schema)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? JsonRecordReader.Read(document.RootElement, schema)
                : throw new InvalidDataException($"line {number} is not a JSON object");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"line {number} is not valid JSON", ex);
        }
    }
}
