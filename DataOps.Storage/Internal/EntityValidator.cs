using DataOps.Storage.Tables;

namespace DataOps.Storage.Internal;

/// <summary>
/// Checks an entity against the Table service limits before anything is sent, so an oversized entity fails with a
/// clear <see cref="ArgumentException"/> instead of a service error (and nothing is written).
/// </summary>
internal static class EntityValidator
{
    public const int MaxPropertyBytes = 64 * 1024;
    public const int MaxEntityBytes = 1024 * 1024;
    public const int MaxCustomProperties = 252;
    public const int MaxKeyLength = 1024;

    public static void Validate(ITableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ValidateKey(entity.PartitionKey, nameof(ITableEntity.PartitionKey));
        ValidateKey(entity.RowKey, nameof(ITableEntity.RowKey));

        // Size per the service's accounting: strings are UTF-16, each property costs 8 bytes plus its name.
        long size = 4 + ((entity.PartitionKey.Length + entity.RowKey.Length) * 2L);
        var count = 0;
        foreach (var (name, value) in EntitySerializer.CustomProperties(entity))
        {
            if (value is null)
            {
                continue;
            }

            count++;
            if (string.IsNullOrEmpty(name) || name.Length > 255)
            {
                throw new ArgumentException($"Property name '{Shorten(name)}' must be 1-255 characters.", nameof(entity));
            }

            var valueSize = value switch
            {
                string s => 4 + (s.Length * 2L),
                byte[] b => 4 + b.LongLength,
                BinaryData d => 4 + d.ToMemory().Length,
                Guid => 16,
                bool => 1,
                int => 4,
                Enum e => 4 + (e.ToString().Length * 2L),
                _ => 8,
            };
            if (valueSize - 4 > MaxPropertyBytes && value is string or byte[] or BinaryData)
            {
                throw new ArgumentException(
                    $"Property '{name}' is {valueSize - 4} bytes; a table property holds at most {MaxPropertyBytes} bytes (64 KiB, strings count 2 bytes per character).",
                    nameof(entity));
            }

            size += 8 + (name.Length * 2L) + valueSize;
        }

        if (count > MaxCustomProperties)
        {
            throw new ArgumentException($"The entity has {count} properties; a table entity holds at most {MaxCustomProperties} besides its keys and timestamp.", nameof(entity));
        }

        if (size > MaxEntityBytes)
        {
            throw new ArgumentException($"The entity is about {size} bytes; a table entity holds at most {MaxEntityBytes} bytes (1 MiB).", nameof(entity));
        }
    }

    public static void ValidateKey(string? key, string name)
    {
        if (key is null)
        {
            throw new ArgumentException($"{name} is required (it may be empty, not null).", name);
        }

        if (key.Length > MaxKeyLength)
        {
            throw new ArgumentException($"{name} is {key.Length} characters; at most {MaxKeyLength} are allowed.", name);
        }

        foreach (var c in key)
        {
            if (c is '/' or '\\' or '#' or '?' || char.IsControl(c))
            {
                throw new ArgumentException($"{name} contains '{Escape(c)}'; keys cannot contain '/', '\\', '#', '?' or control characters.", name);
            }
        }
    }

    private static string Escape(char c) => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString();

    private static string Shorten(string? name) =>
        name is null ? string.Empty : name.Length > 40 ? name[..40] + "..." : name;
}
