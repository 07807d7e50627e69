namespace SmartPost.Api.Text;

/// <summary>
/// One spare list per thread and element type, lent to a hot path's working list and given back, so a text's concept
/// hits or cues do not grow a new list through every doubling on each call. A list is always lent empty; one lent out
/// and not given back (an exception) is simply collected, and the next call gets a new one.
/// </summary>
internal static class ThreadLists<T>
{
    [ThreadStatic] private static List<T>? t_spare;

    /// <summary>An empty list: the thread's spare, or a new one while the spare is lent out.</summary>
    public static List<T> Rent()
    {
        var list = t_spare ?? [];
        t_spare = null;
        return list;
    }

    /// <summary>
    /// Takes <paramref name="list"/> back as the thread's spare, emptied; one with room for more than
    /// <paramref name="keepUpTo"/> items (a text of megabytes) is left to the collector rather than kept for good.
    /// </summary>
    public static void Return(List<T> list, int keepUpTo)
    {
        if (list.Capacity > keepUpTo) return;
        list.Clear();
        t_spare = list;
    }
}
