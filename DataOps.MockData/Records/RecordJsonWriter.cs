using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DataOps.MockData.Records;

/// <summary>
/// Writes records as JSON (one object per line for datasets). Field order is the record's order and values use
/// one fixed representation each (date-times as ISO 8601 with offset), so equal records give equal bytes.
/// </summary>
internal static class RecordJsonWriter
{
    // Records are data, never embedded in HTML: the relaxed encoder keeps '+', '&' and non-ASCII letters readable.
    private static readonly JsonWriterOptions Options = new() { Indented = false, SkipValidation = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes records as JSON lines to a stream, one at a time.</summary>
    public static async Task WriteLinesAsync(IEnumerable<IReadOnlyDictionary<string, object?>> records, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(output);
        await using var writer = new Utf8JsonWriter(output, Options);
        foreach (var record in records)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Write(writer, record);
            await writer.FlushAsync(cancellationToken);
            writer.Reset();
            output.WriteByte((byte)'\n');
        }
    }

    /// <summary>One record as UTF-8 JSON.</summary>
    public static byte[] Serialize(IReadOnlyDictionary<string, object?> record)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            Write(writer, record);
        }

        return buffer.ToArray();
    }

    /// <summary>Writes one record as a JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, object?> record)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(record);
        writer.WriteStartObject();
        foreach (var (name, value) in record)
        {
            writer.WritePropertyName(name);
            WriteValue(writer, value);
        }

        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case int i:
                writer.WriteNumberValue(i);
                break;
            case double d:
                writer.WriteNumberValue(d);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case DateTimeOffset t:
                writer.WriteStringValue(t.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
                break;
            case IEnumerable<string> list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    writer.WriteStringValue(item);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"Record values must be string, long, double, bool, DateTimeOffset or a string list; got {value.GetType().Name}.", nameof(value));
        }
    }
}
