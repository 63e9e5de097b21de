using System.Globalization;
using System.Text.Json;
using Azure;
using DataOps.Storage.Tables;

namespace DataOps.Storage.Internal;

/// <summary>
/// Entity JSON in the Table service's OData format: Int64, DateTime, Guid, Binary and Double values carry an
/// <c>@odata.type</c> annotation, Int32, Boolean and String are plain.
/// </summary>
internal static class EntitySerializer
{
    private const string TypeSuffix = "@odata.type";

    public static IEnumerable<KeyValuePair<string, object?>> CustomProperties(ITableEntity entity)
    {
        if (entity is TableEntity dictionary)
        {
            return dictionary;
        }

        var map = EntityTypeMap.For(entity.GetType());
        return map.Properties.Select(p => new KeyValuePair<string, object?>(p.Name, p.GetValue(entity)));
    }

    public static byte[] Serialize(ITableEntity entity)
    {
        EntityValidator.Validate(entity);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("PartitionKey", entity.PartitionKey);
            writer.WriteString("RowKey", entity.RowKey);
            foreach (var (name, value) in CustomProperties(entity))
            {
                WriteProperty(writer, name, value);
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteProperty(Utf8JsonWriter writer, string name, object? value)
    {
        switch (value)
        {
            case null:
                return; // absent and null are the same thing to the service
            case string s:
                writer.WriteString(name, s);
                break;
            case int i:
                writer.WriteNumber(name, i);
                break;
            case bool b:
                writer.WriteBoolean(name, b);
                break;
            case long l:
                Annotated(writer, name, "Edm.Int64", l.ToString(CultureInfo.InvariantCulture));
                break;
            case double or float:
                var d = System.Convert.ToDouble(value, CultureInfo.InvariantCulture);
                writer.WriteString(name + TypeSuffix, "Edm.Double");
                if (double.IsFinite(d))
                {
                    writer.WriteNumber(name, d);
                }
                else
                {
                    writer.WriteString(name, double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
                }

                break;
            case DateTimeOffset dto:
                Annotated(writer, name, "Edm.DateTime", FormatDate(dto));
                break;
            case DateTime dt:
                Annotated(writer, name, "Edm.DateTime", FormatDate(ToOffset(dt)));
                break;
            case Guid g:
                Annotated(writer, name, "Edm.Guid", g.ToString("D"));
                break;
            case byte[] bytes:
                Annotated(writer, name, "Edm.Binary", System.Convert.ToBase64String(bytes));
                break;
            case BinaryData data:
                Annotated(writer, name, "Edm.Binary", System.Convert.ToBase64String(data.ToMemory().Span));
                break;
            case Enum e:
                writer.WriteString(name, e.ToString());
                break;
            default:
                throw new ArgumentException($"Property '{name}' has type {value.GetType().Name}, which tables cannot store.", nameof(value));
        }
    }

    private static void Annotated(Utf8JsonWriter writer, string name, string edmType, string value)
    {
        writer.WriteString(name + TypeSuffix, edmType);
        writer.WriteString(name, value);
    }

    public static DateTimeOffset ToOffset(DateTime value) =>
        new(value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : value.ToUniversalTime());

    public static string FormatDate(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static T Deserialize<T>(JsonElement json)
        where T : class, ITableEntity, new()
    {
        var entity = new T();
        var dictionary = entity as TableEntity;
        var map = dictionary is null ? EntityTypeMap.For(typeof(T)) : null;
        foreach (var property in json.EnumerateObject())
        {
            var name = property.Name;
            if (name.StartsWith("odata.", StringComparison.Ordinal) || name.EndsWith(TypeSuffix, StringComparison.Ordinal))
            {
                if (name == "odata.etag")
                {
                    entity.ETag = new ETag(property.Value.GetString()!);
                }

                continue;
            }

            var edmType = json.TryGetProperty(name + TypeSuffix, out var annotation) ? annotation.GetString() : null;
            var value = ReadValue(property.Value, edmType);
            switch (name)
            {
                case "PartitionKey":
                    entity.PartitionKey = (string)value!;
                    break;
                case "RowKey":
                    entity.RowKey = (string)value!;
                    break;
                case "Timestamp":
                    entity.Timestamp = value as DateTimeOffset? ?? (value is string s ? ParseDate(s) : null);
                    break;
                default:
                    if (dictionary is not null)
                    {
                        dictionary[name] = value;
                    }
                    else
                    {
                        map!.Set(entity, name, value);
                    }

                    break;
            }
        }

        return entity;
    }

    private static object? ReadValue(JsonElement value, string? edmType) => (edmType, value.ValueKind) switch
    {
        (_, JsonValueKind.Null) => null,
        ("Edm.Int64", _) => long.Parse(value.GetString()!, CultureInfo.InvariantCulture),
        ("Edm.DateTime", _) => ParseDate(value.GetString()!),
        ("Edm.Guid", _) => Guid.Parse(value.GetString()!),
        ("Edm.Binary", _) => System.Convert.FromBase64String(value.GetString()!),
        ("Edm.Double", JsonValueKind.String) => double.Parse(value.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture),
        ("Edm.Double", _) => value.GetDouble(),
        ("Edm.Int32", JsonValueKind.String) => int.Parse(value.GetString()!, CultureInfo.InvariantCulture),
        (_, JsonValueKind.Number) => value.TryGetInt32(out var i) && !value.GetRawText().Contains('.', StringComparison.Ordinal) ? (object)i : value.GetDouble(),
        (_, JsonValueKind.True) => true,
        (_, JsonValueKind.False) => false,
        _ => value.GetString(),
    };

    private static DateTimeOffset ParseDate(string value) =>
        DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
