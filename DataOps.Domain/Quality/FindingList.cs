using System.Globalization;

namespace DataOps.Domain.Quality;

/// <summary>Collects error or warning lines up to a cap, so a 2000-record dataset with one systematic fault does not produce a 2000-line result.</summary>
internal sealed class FindingList(int cap = FindingList.DefaultCap)
{
    public const int DefaultCap = 50;

    private readonly List<string> _items = [];
    private int _dropped;

    public int Count => _items.Count + _dropped;

    public void Add(string message)
    {
        if (_items.Count < cap)
        {
            _items.Add(message);
        }
        else
        {
            _dropped++;
        }
    }

    public IReadOnlyList<string> ToList()
    {
        if (_dropped == 0)
        {
            return _items.ToArray();
        }

        return [.. _items, string.Format(CultureInfo.InvariantCulture, "... and {0} more", _dropped)];
    }
}
