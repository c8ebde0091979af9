package io.zpadoctor.model.host;

/** An observation made on a connector VM, naming the host folder it came from. */
public interface HostFact {
    /** The host folder name in the bundle ({@code hosts/<host>/}), normally the VM's hostname. */
    String host();
}
