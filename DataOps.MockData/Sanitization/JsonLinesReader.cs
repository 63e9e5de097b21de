using DataOps.MockData.Templates;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace DataOps.MockData.Sanitization;

/// <summary>Reads a JSON-lines stream one line at a time; blank lines are skipped, a bad line comes back as an error, never as data.</summary>
internal static class JsonLinesReader
{
    /// <summary>Longest line accepted (characters); longer lines are reported as errors.</summary>
    public const int MaxLineLength = 1024 * 1024;

    /// <summary>Each non-blank line, parsed.</summary>
    public static async IAsyncEnumerable<JsonLine> ReadAsync(Stream input, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(input, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
        var number = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            yield return Parse(line, number);
        }
    }

    private static JsonLine Parse(string line, int number)
    {
        if (line.Length > MaxLineLength)
        {
            return new JsonLine(number, null, $"line {number} is longer than {MaxLineLength} characters");
        }

        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? new JsonLine(number, JsonRecordReader.Read(document.RootElement, null), null)
                : new JsonLine(number, null, $"line {number} is not a JSON object");
        }
        catch (JsonException)
        {
            return new JsonLine(number, null, $"line {number} is not valid JSON");
        }
    }
}
