using System.Collections;

namespace DataOps.Domain.Common;

/// <summary>
/// An immutable list with value equality, so records holding lists (snapshots, events) compare by content:
/// a reloaded snapshot equals the one saved.
/// </summary>
/// <typeparam name="T">Item type.</typeparam>
internal sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly T[] _items;

    /// <summary>Copies the items.</summary>
    public ValueList(IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        _items = items.ToArray();
    }

    /// <summary>An empty list.</summary>
    public static ValueList<T> Empty { get; } = new([]);

    /// <inheritdoc/>
    public int Count => _items.Length;

    /// <inheritdoc/>
    public T this[int index] => _items[index];

    /// <summary>Wraps <paramref name="items"/> unless it already is a <see cref="ValueList{T}"/>; null gives <see cref="Empty"/>.</summary>
    public static ValueList<T> From(IEnumerable<T>? items)
        => items switch
        {
            null => Empty,
            ValueList<T> list => list,
            _ => new ValueList<T>(items),
        };

    /// <inheritdoc/>
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    /// <inheritdoc/>
    public bool Equals(ValueList<T>? other) => other is not null && _items.SequenceEqual(other._items);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ValueList<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var item in _items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }
}
