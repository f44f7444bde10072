/**
 * Starting points for "Write to the person" on the case page. They hold no contact details: the services go in as
 * directory entries picked by id, and the contact guard checks the words as edited.
 */
export interface MessageTemplate {
  id: "acknowledge" | "resources" | "encourage";
  label: string;
  body: string;
}

export const MESSAGE_TEMPLATES: readonly MessageTemplate[] = [
  {
    id: "acknowledge",
    label: "Acknowledge",
    body:
      "Thank you for sharing what you wrote. A clinician has read it carefully. What you are going through matters, " +
      "and you don't have to carry it alone.",
  },
  {
    id: "resources",
    label: "Point to resources",
    body:
      "Thank you for sharing this with us. We have added some services below that fit what you described. " +
      "They are free and confidential, and you can reach them whenever you are ready.",
  },
  {
    id: "encourage",
    label: "Encourage contact with a service",
    body:
      "Thank you for writing. It could really help to talk with someone trained to listen. " +
      "Please consider reaching out to one of the services below, or to someone you trust, today if you can.",
  },
];
