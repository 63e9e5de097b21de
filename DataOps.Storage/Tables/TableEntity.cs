using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Azure;

namespace DataOps.Storage.Tables;

/// <summary>
/// A schemaless entity: its custom properties are the dictionary entries (string, int, long, double, bool,
/// DateTimeOffset, Guid, byte[] or null); the keys, timestamp and ETag are separate properties.
/// </summary>
[SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix", Justification = "Mirrors the Azure SDK type name so a later swap is mechanical.")]
public sealed class TableEntity : IDictionary<string, object?>, ITableEntity
{
    private readonly Dictionary<string, object?> _properties = new(StringComparer.Ordinal);

    /// <summary>Creates an empty entity.</summary>
    public TableEntity()
    {
    }

    /// <summary>Creates an entity with its keys.</summary>
    public TableEntity(string partitionKey, string rowKey)
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    /// <inheritdoc />
    public string PartitionKey { get; set; } = string.Empty;

    /// <inheritdoc />
    public string RowKey { get; set; } = string.Empty;

    /// <inheritdoc />
    public DateTimeOffset? Timestamp { get; set; }

    /// <inheritdoc />
    public ETag ETag { get; set; }

    /// <inheritdoc />
    public object? this[string key]
    {
        get => _properties.TryGetValue(key, out var value) ? value : null;
        set => _properties[key] = value;
    }

    /// <inheritdoc />
    public ICollection<string> Keys => _properties.Keys;

    /// <inheritdoc />
    public ICollection<object?> Values => _properties.Values;

    /// <inheritdoc />
    public int Count => _properties.Count;

    /// <inheritdoc />
    public bool IsReadOnly => false;

    /// <summary>The string value, or null when absent.</summary>
    public string? GetString(string key) => Get<string>(key, v => v as string);

    /// <summary>The 64-bit integer value (Int32 values widen), or null when absent.</summary>
    public long? GetInt64(string key) => Get<long?>(key, v => v switch { long l => l, int i => i, _ => null });

    /// <summary>The 32-bit integer value, or null when absent.</summary>
    public int? GetInt32(string key) => Get<int?>(key, v => v switch { int i => i, long l when l is >= int.MinValue and <= int.MaxValue => (int)l, _ => null });

    /// <summary>The floating-point value (integers widen), or null when absent.</summary>
    public double? GetDouble(string key) => Get<double?>(key, v => v switch { double d => d, int i => i, long l => l, _ => null });

    /// <summary>The boolean value, or null when absent.</summary>
    public bool? GetBoolean(string key) => Get<bool?>(key, v => v as bool?);

    /// <summary>The date-time value, or null when absent.</summary>
    public DateTimeOffset? GetDateTimeOffset(string key) =>
        Get<DateTimeOffset?>(key, v => v switch { DateTimeOffset d => d, DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)), _ => null });

    /// <summary>The GUID value, or null when absent.</summary>
    public Guid? GetGuid(string key) => Get<Guid?>(key, v => v as Guid?);

    /// <summary>The binary value, or null when absent.</summary>
    public byte[]? GetBinary(string key) => Get<byte[]>(key, v => v switch { byte[] b => b, BinaryData d => d.ToArray(), _ => null });

    private T? Get<T>(string key, Func<object, T?> convert)
    {
        if (!_properties.TryGetValue(key, out var value) || value is null)
        {
            return default;
        }

        return convert(value) ?? throw new InvalidOperationException(
            $"Property '{key}' holds a {value.GetType().Name}, not a {Nullable.GetUnderlyingType(typeof(T))?.Name ?? typeof(T).Name}.");
    }

    /// <inheritdoc />
    public void Add(string key, object? value) => _properties.Add(key, value);

    /// <inheritdoc />
    public bool ContainsKey(string key) => _properties.ContainsKey(key);

    /// <inheritdoc />
    public bool Remove(string key) => _properties.Remove(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value) => _properties.TryGetValue(key, out value);

    /// <inheritdoc />
    public void Add(KeyValuePair<string, object?> item) => _properties.Add(item.Key, item.Value);

    /// <inheritdoc />
    public void Clear() => _properties.Clear();

    /// <inheritdoc />
    public bool Contains(KeyValuePair<string, object?> item) => ((ICollection<KeyValuePair<string, object?>>)_properties).Contains(item);

    /// <inheritdoc />
    public void CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex) =>
        ((ICollection<KeyValuePair<string, object?>>)_properties).CopyTo(array, arrayIndex);

    /// <inheritdoc />
    public bool Remove(KeyValuePair<string, object?> item) => ((ICollection<KeyValuePair<string, object?>>)_properties).Remove(item);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _properties.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
