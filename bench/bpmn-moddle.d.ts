/** bpmn-engine's XML parser ships without types; the benchmark only calls fromXML. */
declare module "bpmn-moddle" {
  export default class BpmnModdle {
    fromXML(xml: string): Promise<unknown>;
  }
}
