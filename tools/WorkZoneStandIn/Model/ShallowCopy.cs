namespace WorkZoneStandIn.Model;

public sealed partial class Record
{
    public object ShallowCopy() => MemberwiseClone();
}

public sealed partial class RecordInfoDict
{
    public object ShallowCopy() => MemberwiseClone();
}
