using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Runtime.Serialization;
using DataOps.Storage.Tables;

namespace DataOps.Storage.Internal;

/// <summary>
/// The cached property mapping of a typed entity: public instance properties with a getter and setter, except the
/// <see cref="ITableEntity"/> ones and those marked <see cref="IgnoreDataMemberAttribute"/>.
/// </summary>
internal sealed class EntityTypeMap
{
    private static readonly ConcurrentDictionary<Type, EntityTypeMap> Cache = new();

    private static readonly HashSet<string> SystemNames =
        new(StringComparer.Ordinal) { nameof(ITableEntity.PartitionKey), nameof(ITableEntity.RowKey), nameof(ITableEntity.Timestamp), nameof(ITableEntity.ETag) };

    private readonly Dictionary<string, PropertyInfo> _byName;

    private EntityTypeMap(Type type)
    {
        Properties = [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0
                && p.GetMethod!.IsPublic && p.SetMethod!.IsPublic
                && !SystemNames.Contains(p.Name)
                && p.GetCustomAttribute<IgnoreDataMemberAttribute>() is null)];
        _byName = Properties.ToDictionary(p => p.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<PropertyInfo> Properties { get; }

    public static EntityTypeMap For(Type type) => Cache.GetOrAdd(type, t => new EntityTypeMap(t));

    /// <summary>Sets a property from an EDM-typed value read from the service; unknown names are ignored.</summary>
    public void Set(object entity, string name, object? value)
    {
        if (!_byName.TryGetValue(name, out var property))
        {
            return;
        }

        property.SetValue(entity, Convert(value, property.PropertyType, name));
    }

    private static object? Convert(object? value, Type target, string name)
    {
        if (value is null)
        {
            return null;
        }

        var type = Nullable.GetUnderlyingType(target) ?? target;
        if (type.IsInstanceOfType(value))
        {
            return value;
        }

        try
        {
            return value switch
            {
                _ when type.IsEnum => value is string s ? Enum.Parse(type, s) : Enum.ToObject(type, value),
                DateTimeOffset d when type == typeof(DateTime) => d.UtcDateTime,
                byte[] b when type == typeof(BinaryData) => BinaryData.FromBytes(b),
                string s when type == typeof(Guid) => Guid.Parse(s),
                _ => System.Convert.ChangeType(value, type, CultureInfo.InvariantCulture),
            };
        }
        catch (Exception ex) when (ex is InvalidCastException or FormatException or OverflowException or ArgumentException)
        {
            throw new InvalidOperationException($"Stored property '{name}' ({value.GetType().Name}) cannot be read into a {type.Name}.", ex);
        }
    }
}
